package jp.shinko.events.council;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A municipality's council meetings as they stand, folded from its {@link CouncilEvent}s: each
 * meeting as last recorded, with its opinions as last recorded in the order first given. Pure;
 * the municipality's rules and the query service's reading both fold with it.
 *
 * @param meetings the meetings in the order first recorded
 */
public record CouncilMeetings(List<Meeting> meetings) {

    /** A municipality that has recorded no meeting. */
    public static final CouncilMeetings NONE = new CouncilMeetings(List.of());

    public CouncilMeetings {
        meetings = meetings == null ? List.of() : List.copyOf(meetings);
    }

    /**
     * One meeting.
     *
     * @param meeting the meeting as last recorded
     * @param opinions its opinions, each as last recorded, in the order first given
     */
    public record Meeting(CouncilMeetingRecorded meeting, List<CouncilOpinionRecorded> opinions) {

        public Meeting {
            opinions = List.copyOf(opinions);
        }

        /** The opinion with this id, if the meeting has it. */
        public Optional<CouncilOpinionRecorded> opinion(String opinionId) {
            return opinions.stream().filter(opinion -> opinion.opinionId().equals(opinionId)).findFirst();
        }
    }

    /** The meeting with this id, if there is one. */
    public Optional<Meeting> byId(MeetingId meetingId) {
        return meetings.stream().filter(meeting -> meeting.meeting().meetingId().equals(meetingId)).findFirst();
    }

    /** The meetings after an event. */
    public CouncilMeetings apply(CouncilEvent event) {
        List<Meeting> next = new ArrayList<>(meetings);
        int at = indexOf(event.meetingId());
        event.accept(new CouncilEvent.Visitor<Void>() {
            @Override
            public Void councilMeetingRecorded(CouncilMeetingRecorded recorded) {
                if (at < 0) {
                    next.add(new Meeting(recorded, List.of()));
                } else {
                    next.set(at, new Meeting(recorded, next.get(at).opinions()));
                }
                return null;
            }

            @Override
            public Void councilOpinionRecorded(CouncilOpinionRecorded recorded) {
                if (at < 0) {
                    return null; // the command refuses an opinion of a meeting not recorded
                }
                List<CouncilOpinionRecorded> opinions = new ArrayList<>(next.get(at).opinions());
                int opinion = 0;
                while (opinion < opinions.size() && !opinions.get(opinion).opinionId().equals(recorded.opinionId())) {
                    opinion++;
                }
                if (opinion < opinions.size()) {
                    opinions.set(opinion, recorded);
                } else {
                    opinions.add(recorded);
                }
                next.set(at, new Meeting(next.get(at).meeting(), opinions));
                return null;
            }
        });
        return new CouncilMeetings(next);
    }

    private int indexOf(MeetingId meetingId) {
        for (int i = 0; i < meetings.size(); i++) {
            if (meetings.get(i).meeting().meetingId().equals(meetingId)) {
                return i;
            }
        }
        return -1;
    }
}

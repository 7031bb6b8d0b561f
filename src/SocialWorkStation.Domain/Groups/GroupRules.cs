namespace SocialWorkStation.Domain.Groups;

/// <summary>The stages of group work in MZ/T 095-2017 (社会工作方法 小组工作).</summary>
public enum GroupStage
{
    Preparation = 0,
    Formation = 1,
    Transition = 2,
    Maturity = 3,
    Ending = 4,
}

public static class GroupStages
{
    public static readonly IReadOnlyList<GroupStage> All = Enum.GetValues<GroupStage>();

    public static string ToApi(GroupStage s) => s switch
    {
        GroupStage.Preparation => "preparation",
        GroupStage.Formation => "formation",
        GroupStage.Transition => "transition",
        GroupStage.Maturity => "maturity",
        GroupStage.Ending => "ending",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static GroupStage? FromApi(string? value) => All.Cast<GroupStage?>().FirstOrDefault(s => ToApi(s!.Value) == value);

    public static string Chinese(GroupStage s) => s switch
    {
        GroupStage.Preparation => "筹备期",
        GroupStage.Formation => "形成期",
        GroupStage.Transition => "转折期",
        GroupStage.Maturity => "成熟期",
        GroupStage.Ending => "结束期",
        _ => "",
    };
}

/// <summary>
/// When a group counts toward the annual standard: at least the sessions and the participant-times the
/// profile sets (Qiongzhong: ≥4 sessions and ≥16 participant-times; "不少于" includes the number). A
/// participant-time is one member present at one held session.
/// </summary>
public static class GroupRules
{
    public static int ParticipantTimes(IEnumerable<int> attendancePerSession) => attendancePerSession.Sum();

    public static bool Counts(int sessionsHeld, int participantTimes, int requiredSessions, int requiredParticipantTimes) =>
        sessionsHeld >= requiredSessions && participantTimes >= requiredParticipantTimes;
}

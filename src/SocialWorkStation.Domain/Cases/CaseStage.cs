namespace SocialWorkStation.Domain.Cases;

/// <summary>
/// The stages of casework in MZ/T 094-2017 (社会工作方法 个案工作): intake 接案 → assessment 预估 →
/// plan 计划 → intervention 介入 → evaluation 评估 → closure 结案, or referral 转介 at any open stage.
/// </summary>
public enum CaseStage
{
    Intake = 0,
    Assessment = 1,
    Plan = 2,
    Intervention = 3,
    Evaluation = 4,
    Closed = 5,
    Referred = 6,
}

public static class CaseStages
{
    public static readonly IReadOnlyList<CaseStage> All = Enum.GetValues<CaseStage>();

    public static string ToApi(CaseStage s) => s switch
    {
        CaseStage.Intake => "intake",
        CaseStage.Assessment => "assessment",
        CaseStage.Plan => "plan",
        CaseStage.Intervention => "intervention",
        CaseStage.Evaluation => "evaluation",
        CaseStage.Closed => "closed",
        CaseStage.Referred => "referred",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static CaseStage? FromApi(string? value) => All.Cast<CaseStage?>().FirstOrDefault(s => ToApi(s!.Value) == value);

    public static string Chinese(CaseStage s) => s switch
    {
        CaseStage.Intake => "接案",
        CaseStage.Assessment => "预估",
        CaseStage.Plan => "计划",
        CaseStage.Intervention => "介入",
        CaseStage.Evaluation => "评估",
        CaseStage.Closed => "结案",
        CaseStage.Referred => "转介",
        _ => "",
    };

    public static bool IsOpen(CaseStage s) => s is not (CaseStage.Closed or CaseStage.Referred);
}

/// <summary>What a stage change needs to know about the case.</summary>
public sealed record CaseFacts(int Goals, bool PlanReviewed, bool EvaluationWritten, bool EvaluationReviewed, string? ReferralOrganisation);

/// <summary>
/// The stage machine of MZ/T 094-2017 as a pure rule. A case moves one stage forward at a time (no
/// stage is skipped); it may be referred from any open stage to a named organisation; the plan needs
/// goals and a supervisor's review before intervention; closure needs a written evaluation that a
/// supervisor has reviewed. Closed and referred cases do not move.
/// </summary>
public static class CaseRules
{
    public const string Source = "MZ/T 094-2017《社会工作方法 个案工作》";

    /// <summary>Null when the move is allowed; otherwise why not, in Chinese.</summary>
    public static string? CheckMove(CaseStage from, CaseStage to, CaseFacts facts)
    {
        if (!CaseStages.IsOpen(from))
        {
            return $"个案已{CaseStages.Chinese(from)}，不能再变更阶段（{Source}）";
        }
        if (to == CaseStage.Referred)
        {
            return string.IsNullOrWhiteSpace(facts.ReferralOrganisation) ? $"转介须写明接收的机构或部门（{Source}）" : null;
        }
        if (to != from + 1)
        {
            return $"个案须按接案、预估、计划、介入、评估、结案的顺序推进，当前为“{CaseStages.Chinese(from)}”，下一阶段是“{CaseStages.Chinese(from + 1)}”（{Source}）";
        }
        return to switch
        {
            CaseStage.Intervention when facts.Goals == 0 => $"服务计划至少要有一个目标才能进入介入阶段（{Source}）",
            CaseStage.Intervention when !facts.PlanReviewed => $"服务计划须经督导审阅后才能进入介入阶段（{Source}）",
            CaseStage.Closed when !facts.EvaluationWritten => $"结案前须完成评估（{Source}）",
            CaseStage.Closed when !facts.EvaluationReviewed => $"结案前评估须经督导审阅（{Source}）",
            _ => null,
        };
    }

    /// <summary>Whether a case has the services a profile asks for (Qiongzhong: 不少于5次, the number itself counts).</summary>
    public static bool EnoughServices(int services, int required) => services >= required;
}

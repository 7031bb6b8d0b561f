using SocialWorkStation.Domain.Cases;

namespace SocialWorkStation.Domain.Tests.Cases;

public sealed class CaseRulesTests
{
    private static readonly CaseFacts Ready = new(Goals: 1, PlanReviewed: true, EvaluationWritten: true, EvaluationReviewed: true, ReferralOrganisation: null);

    [Theory]
    [InlineData(CaseStage.Intake, CaseStage.Assessment)]
    [InlineData(CaseStage.Assessment, CaseStage.Plan)]
    [InlineData(CaseStage.Plan, CaseStage.Intervention)]
    [InlineData(CaseStage.Intervention, CaseStage.Evaluation)]
    [InlineData(CaseStage.Evaluation, CaseStage.Closed)]
    public void Each_stage_moves_to_the_next(CaseStage from, CaseStage to) => Assert.Null(CaseRules.CheckMove(from, to, Ready));

    [Theory]
    [InlineData(CaseStage.Intake, CaseStage.Plan)]
    [InlineData(CaseStage.Intake, CaseStage.Closed)]
    [InlineData(CaseStage.Assessment, CaseStage.Intervention)]
    [InlineData(CaseStage.Intervention, CaseStage.Closed)]
    [InlineData(CaseStage.Plan, CaseStage.Assessment)]
    [InlineData(CaseStage.Intake, CaseStage.Intake)]
    public void No_stage_is_skipped_and_none_goes_back(CaseStage from, CaseStage to) => Assert.NotNull(CaseRules.CheckMove(from, to, Ready));

    [Theory]
    [InlineData(CaseStage.Intake)]
    [InlineData(CaseStage.Assessment)]
    [InlineData(CaseStage.Plan)]
    [InlineData(CaseStage.Intervention)]
    [InlineData(CaseStage.Evaluation)]
    public void Referral_is_open_from_any_open_stage_to_a_named_organisation(CaseStage from)
    {
        Assert.Null(CaseRules.CheckMove(from, CaseStage.Referred, Ready with { ReferralOrganisation = "县残联" }));
        Assert.NotNull(CaseRules.CheckMove(from, CaseStage.Referred, Ready with { ReferralOrganisation = " " }));
    }

    [Theory]
    [InlineData(CaseStage.Closed)]
    [InlineData(CaseStage.Referred)]
    public void A_closed_or_referred_case_does_not_move(CaseStage from)
    {
        Assert.NotNull(CaseRules.CheckMove(from, CaseStage.Referred, Ready with { ReferralOrganisation = "县残联" }));
        Assert.NotNull(CaseRules.CheckMove(from, CaseStage.Intake, Ready));
    }

    [Fact]
    public void Intervention_needs_goals_and_a_reviewed_plan()
    {
        Assert.Contains("目标", CaseRules.CheckMove(CaseStage.Plan, CaseStage.Intervention, Ready with { Goals = 0 }));
        Assert.Contains("督导", CaseRules.CheckMove(CaseStage.Plan, CaseStage.Intervention, Ready with { PlanReviewed = false }));
    }

    [Fact]
    public void Closure_needs_a_written_evaluation_a_supervisor_reviewed()
    {
        Assert.Contains("完成评估", CaseRules.CheckMove(CaseStage.Evaluation, CaseStage.Closed, Ready with { EvaluationWritten = false, EvaluationReviewed = false }));
        Assert.Contains("督导", CaseRules.CheckMove(CaseStage.Evaluation, CaseStage.Closed, Ready with { EvaluationReviewed = false }));
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(6, true)]
    public void Five_services_meet_a_minimum_of_five(int services, bool enough) => Assert.Equal(enough, CaseRules.EnoughServices(services, 5));
}

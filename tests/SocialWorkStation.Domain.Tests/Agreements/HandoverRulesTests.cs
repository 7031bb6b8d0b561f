using SocialWorkStation.Domain.Agreements;

namespace SocialWorkStation.Domain.Tests.Agreements;

public sealed class HandoverRulesTests
{
    private static readonly Guid Old = Guid.NewGuid();
    private static readonly Guid New = Guid.NewGuid();
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Fact]
    public void A_hand_over_on_or_before_today_and_inside_the_agreement_goes_ahead()
    {
        Assert.Null(HandoverRules.Problem(Old, New, Today, Today, new DateOnly(2026, 1, 1)));
        Assert.Null(HandoverRules.Problem(Old, New, new DateOnly(2026, 1, 1), Today, new DateOnly(2026, 1, 1)));
        Assert.Null(HandoverRules.Problem(Old, New, Today, Today, null));
    }

    [Fact]
    public void The_same_organisation_no_contractor_a_future_day_and_a_day_before_the_agreement_are_refused_naming_the_field()
    {
        Assert.Equal("incomingOrganisationId", HandoverRules.Problem(Old, Old, Today, Today, null)!.Value.Field);
        Assert.Equal("incomingOrganisationId", HandoverRules.Problem(null, New, Today, Today, null)!.Value.Field);
        Assert.Equal("handoverDay", HandoverRules.Problem(Old, New, Today.AddDays(1), Today, null)!.Value.Field);
        var early = HandoverRules.Problem(Old, New, new DateOnly(2025, 12, 31), Today, new DateOnly(2026, 1, 1))!.Value;
        Assert.Equal("handoverDay", early.Field);
        Assert.Contains("2026-01-01", early.Message);
    }
}

public sealed class RenewalFromEvaluationTests
{
    [Theory]
    [InlineData("优秀", null, FinalGrade.Excellent)]
    [InlineData("良好", null, FinalGrade.Good)]
    [InlineData("合格", null, FinalGrade.Pass)]
    [InlineData("不合格", null, FinalGrade.Fail)]
    [InlineData("较好", true, FinalGrade.Pass)]
    [InlineData("较差", false, FinalGrade.Fail)]
    public void An_evaluation_grade_reads_as_a_final_grade(string grade, bool? passes, FinalGrade expected) =>
        Assert.Equal(expected, Renewal.FromEvaluation(grade, passes));

    [Fact]
    public void No_grade_or_an_unknown_band_is_no_final_grade()
    {
        Assert.Null(Renewal.FromEvaluation(null, true));
        Assert.Null(Renewal.FromEvaluation("较好", null));
    }
}

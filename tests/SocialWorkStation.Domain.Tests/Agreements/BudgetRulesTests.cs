using SocialWorkStation.Domain.Agreements;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Tests.Profiles;

namespace SocialWorkStation.Domain.Tests.Agreements;

/// <summary>Budgets, restricted money, overspending, execution rate and renewal (docs/requirements/agreements.md §5–§7).</summary>
public sealed class BudgetRulesTests
{
    private static BudgetRules Rules(string key) => ShippedProfilesTests.Load(key).Budgets!;

    [Fact]
    public void Qiongzhong_flags_a_station_budget_that_differs_from_162000_plus_50000()
    {
        var rules = Rules("hainan-qiongzhong");
        Assert.Equal(212000m, rules.StationStandardTotal!.Value);
        var standard = new[] { new BudgetLineFacts("serviceFee", FundingSource.FiscalBudget, 162000m), new BudgetLineFacts("operations", FundingSource.FiscalBudget, 50000m) };
        Assert.Empty(BudgetChecks.Flags(rules, "琼中采购需求", PlatformKind.Station, standard));
        // Ten stations at the standard are the 2,120,000 of the procurement budget.
        Assert.Equal(2120000m, Enumerable.Repeat(standard.Sum(l => l.Amount), 10).Sum());

        var low = new[] { new BudgetLineFacts("serviceFee", FundingSource.FiscalBudget, 161999.99m), new BudgetLineFacts("operations", FundingSource.FiscalBudget, 50000m) };
        var flags = BudgetChecks.Flags(rules, "琼中采购需求", PlatformKind.Station, low);
        Assert.Equal(2, flags.Count);
        Assert.Contains(flags, f => f.Contains("161,999.99") && f.Contains("162,000.00") && f.Contains("采购预算"));
        Assert.Contains(flags, f => f.Contains("211,999.99") && f.Contains("212,000.00"));
    }

    [Fact]
    public void Shenmu_flags_a_county_centre_below_300000_and_not_a_town_station()
    {
        var rules = Rules("shenmu");
        var lines = new[] { new BudgetLineFacts("operations", FundingSource.FiscalBudget, 299999.99m) };
        Assert.Contains(BudgetChecks.Flags(rules, "神木办法", PlatformKind.CountyCentre, lines), f => f.Contains("第七条") && f.Contains("300,000.00"));
        Assert.Empty(BudgetChecks.Flags(rules, "神木办法", PlatformKind.Station, lines));
        Assert.Empty(BudgetChecks.Flags(rules, "神木办法", PlatformKind.CountyCentre, [new("operations", FundingSource.FiscalBudget, 300000m)]));
    }

    [Fact]
    public void Wenzhou_city_construction_subsidy_pays_for_facilities_and_equipment_only()
    {
        var rules = Rules("wenzhou");
        Assert.Equal(["construction", "operations", "personnel", "evaluation"], rules.Categories.Value.Select(c => c.Key));
        Assert.Null(BudgetChecks.RestrictionProblem(rules, "温州指引", new("construction", FundingSource.CityConstructionSubsidy, 1m)));
        Assert.Null(BudgetChecks.RestrictionProblem(rules, "温州指引", new("personnel", FundingSource.FiscalBudget, 1m)));
        var problem = BudgetChecks.RestrictionProblem(rules, "温州指引", new("personnel", FundingSource.CityConstructionSubsidy, 1m));
        Assert.NotNull(problem);
        Assert.Contains("市级建设补助", problem);
        Assert.Contains("人员经费", problem);
        Assert.Contains("温州指引 第九部分（三）落实经费保障", problem);
        // Other profiles restrict nothing.
        Assert.Null(BudgetChecks.RestrictionProblem(Rules("shenmu"), "神木办法", new("personnel", FundingSource.CityConstructionSubsidy, 1m)));
    }

    [Fact]
    public void Overspending_a_line_is_refused_by_default_and_exact_to_the_fen()
    {
        Assert.Null(BudgetChecks.Overspend(BudgetChecks.Default, "x", "运营经费", 50000m, 49999.99m, 0.01m));
        var over = BudgetChecks.Overspend(BudgetChecks.Default, "x", "运营经费", 50000m, 49999.99m, 0.02m);
        Assert.NotNull(over);
        Assert.True(over.Value.Refused);
        Assert.Contains("0.01", over.Value.Message);
        Assert.Contains("平台默认", over.Value.Message);
        var flagging = BudgetChecks.Default with { Overspend = new(OverspendPolicy.Flag, "某条") };
        var flagged = BudgetChecks.Overspend(flagging, "某方案", "运营经费", 50000m, 50000m, 1m);
        Assert.False(flagged!.Value.Refused);
        Assert.Contains("某方案 某条", flagged.Value.Message);
    }

    [Fact]
    public void Execution_rate_is_exact_and_rounded_once_for_display()
    {
        // Three entries of 0.10 on a 0.30 line: 0.1 + 0.1 + 0.1 is exactly 0.3 in decimal (it is not in double).
        Assert.Equal(1m, ExecutionRate.Of(0.10m + 0.10m + 0.10m, 0.30m));
        Assert.Equal("100.00%", ExecutionRate.Display(ExecutionRate.Of(0.1m + 0.1m + 0.1m, 0.3m)));
        Assert.Equal("33.33%", ExecutionRate.Display(ExecutionRate.Of(70666.67m, 212000m)));
        // 1/8 = 12.5%, 0.125% rounds half away from zero once: 0.13%, not 0.12%.
        Assert.Equal("0.13%", ExecutionRate.Display(ExecutionRate.Of(1m, 800m)));
        Assert.Equal("0.01%", ExecutionRate.Display(ExecutionRate.Of(0.01m, 100m)));
        Assert.Null(ExecutionRate.Of(5m, 0m));
        Assert.Equal("—", ExecutionRate.Display(null));
    }

    [Fact]
    public void Spending_follows_budget_approval_reimbursement_accounting()
    {
        Assert.Equal(SpendingStatus.Approved, SpendingFlow.Next(SpendingStatus.Recorded, "approve"));
        Assert.Equal(SpendingStatus.Reimbursed, SpendingFlow.Next(SpendingStatus.Approved, "reimburse"));
        Assert.Equal(SpendingStatus.Accounted, SpendingFlow.Next(SpendingStatus.Reimbursed, "account"));
        Assert.Equal(SpendingStatus.Rejected, SpendingFlow.Next(SpendingStatus.Recorded, "reject"));
        Assert.Null(SpendingFlow.Next(SpendingStatus.Recorded, "reimburse"));
        Assert.Null(SpendingFlow.Next(SpendingStatus.Accounted, "approve"));
        Assert.False(SpendingFlow.Counts(SpendingStatus.Recorded));
        Assert.False(SpendingFlow.Counts(SpendingStatus.Rejected));
        Assert.True(SpendingFlow.Counts(SpendingStatus.Accounted));
    }

    [Theory]
    [InlineData(FinalGrade.Excellent, 1, 3, RenewalDecision.Renew)]
    [InlineData(FinalGrade.Good, 2, 3, RenewalDecision.Renew)]
    [InlineData(FinalGrade.Pass, 1, 3, RenewalDecision.Renew)]
    [InlineData(FinalGrade.Fail, 1, 3, RenewalDecision.ProcureAnew)]
    [InlineData(FinalGrade.Excellent, 3, 3, RenewalDecision.CycleEnded)]
    [InlineData(FinalGrade.Fail, 3, 3, RenewalDecision.ProcureAnew)]
    public void Renewal_follows_the_final_grade_within_the_cycle(FinalGrade grade, int year, int years, RenewalDecision expected) =>
        Assert.Equal(expected, Renewal.Propose(grade, year, years));
}

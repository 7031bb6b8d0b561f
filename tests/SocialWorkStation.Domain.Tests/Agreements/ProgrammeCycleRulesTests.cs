using SocialWorkStation.Domain.Agreements;
using SocialWorkStation.Domain.Tests.Profiles;

namespace SocialWorkStation.Domain.Tests.Agreements;

public sealed class ProgrammeCycleRulesTests
{
    [Theory]
    [InlineData("hainan-ledong", 3, false)]
    [InlineData("hunan", 3, false)]
    [InlineData("hainan-qiongzhong", 1, false)]
    [InlineData("shenmu", 1, true)]
    [InlineData("wenzhou", 1, true)]
    public void Cycle_length_per_profile_with_platform_defaults_stated_as_such(string key, int years, bool platformDefault)
    {
        var rules = ShippedProfilesTests.Load(key).Agreements!;
        Assert.Equal(years, rules.CycleYears.Value);
        Assert.Equal(platformDefault, rules.CycleYears.Source.StartsWith("平台默认", StringComparison.Ordinal));
    }

    [Fact]
    public void A_three_year_cycle_has_a_third_agreement_and_no_fourth()
    {
        Assert.Null(ProgrammeCycleRules.YearProblem(1, 3, "乐东方案"));
        Assert.Null(ProgrammeCycleRules.YearProblem(3, 3, "乐东方案"));
        var problem = ProgrammeCycleRules.YearProblem(4, 3, "乐东方案 七、（二）5. 结果运用");
        Assert.NotNull(problem);
        Assert.Contains("七、（二）5. 结果运用", problem);
        Assert.NotNull(ProgrammeCycleRules.YearProblem(0, 3, "x"));
        Assert.NotNull(ProgrammeCycleRules.YearProblem(2, 1, "琼中采购需求"));
    }

    [Theory]
    [InlineData("2025-03-10", "2026-03-10")]
    [InlineData("2024-02-29", "2025-02-28")]
    public void Qiongzhong_term_is_one_year_from_signing(string signedOn, string end)
    {
        Assert.True(ShippedProfilesTests.Load("hainan-qiongzhong").Agreements!.TermOneYearFromSigning!.Value);
        var (s, e) = ProgrammeCycleRules.OneYearFromSigning(DateOnly.Parse(signedOn));
        Assert.Equal(DateOnly.Parse(signedOn), s);
        Assert.Equal(DateOnly.Parse(end), e);
    }

    [Fact]
    public void Missing_required_clauses_are_named()
    {
        var hunan = ShippedProfilesTests.Load("hunan").Agreements!;
        Assert.Equal(7, hunan.RequiredClauses!.Value.Length);
        var missing = ProgrammeCycleRules.Missing(hunan, ["serviceContent", "targets", "serviceRequirements", "rightsAndDuties", "performanceEvaluation", "forceMajeure"]);
        Assert.Equal("违约责任", Assert.Single(missing).Name);
        var shenmu = ShippedProfilesTests.Load("shenmu").Agreements!;
        Assert.Contains(shenmu.RequiredClauses!.Value, c => c.Name == "经费保障");
        Assert.Empty(ProgrammeCycleRules.Missing(ShippedProfilesTests.Load("hainan-qiongzhong").Agreements, []));
    }

    [Fact]
    public void Ledong_refuses_a_company_registered_with_the_market_regulator_naming_the_clause()
    {
        var ledong = ShippedProfilesTests.Load("hainan-ledong").Agreements;
        var problem = ContractorEligibility.Problem(ledong, "乐东方案", LegalForm.Enterprise, RegisteringAuthority.MarketRegulation);
        Assert.NotNull(problem);
        Assert.Contains("乐东方案 一、（三）运行机制", problem);
        Assert.Contains("企业", problem);
        Assert.Contains("市场监管部门", problem);
        Assert.Null(ContractorEligibility.Problem(ledong, "乐东方案", LegalForm.SocialServiceOrganisation, RegisteringAuthority.CivilAffairs));
        Assert.NotNull(ContractorEligibility.Problem(ledong, "乐东方案", LegalForm.SocialServiceOrganisation, RegisteringAuthority.MarketRegulation));
        Assert.Null(ContractorEligibility.Problem(ledong, "乐东方案", null, null)); // not recorded: not judged
        foreach (var key in new[] { "hunan", "hainan-qiongzhong", "shenmu", "wenzhou" })
        {
            Assert.Null(ContractorEligibility.Problem(ShippedProfilesTests.Load(key).Agreements, key, LegalForm.Enterprise, RegisteringAuthority.MarketRegulation));
        }
    }
}

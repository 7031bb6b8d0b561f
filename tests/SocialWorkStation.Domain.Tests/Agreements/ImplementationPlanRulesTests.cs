using SocialWorkStation.Domain.Agreements;
using SocialWorkStation.Domain.Tests.Profiles;

namespace SocialWorkStation.Domain.Tests.Agreements;

/// <summary>The annual implementation plan's rules (Hunan 七、（一）, 三、（二）（三）).</summary>
public sealed class ImplementationPlanRulesTests
{
    [Fact]
    public void Hunan_names_the_six_sections_with_the_clause_and_the_recruitment_plan_the_others_none()
    {
        var hunan = ShippedProfilesTests.Load("hunan").Agreements!;
        Assert.Equal(["项目背景", "项目目标", "项目预算和购买方式", "项目内容和进度", "服务站点质量和数量标准", "绩效评估"],
            hunan.ImplementationPlanSections!.Value.Select(s => s.Name).ToArray());
        Assert.StartsWith("七、（一）", hunan.ImplementationPlanSections.Source);
        Assert.Contains("三、（三）", hunan.RecruitmentPlan!.Source);
        foreach (var key in new[] { "hainan-ledong", "hainan-qiongzhong", "shenmu", "wenzhou" })
        {
            Assert.Null(ShippedProfilesTests.Load(key).Agreements?.ImplementationPlanSections);
        }
    }

    [Fact]
    public void A_plan_is_filed_with_the_county_s_city_and_lists_the_sections_still_empty()
    {
        Assert.Equal("430100", ImplementationPlanRules.FiledWith("430121"));
        RequiredClause[] sections = [new("background", "项目背景"), new("goals", "项目目标"), new("performanceEvaluation", "绩效评估")];
        var missing = ImplementationPlanRules.Missing(sections, new Dictionary<string, string> { ["background"] = "有内容", ["goals"] = "  " });
        Assert.Equal(["项目目标", "绩效评估"], missing.Select(m => m.Name).ToArray());
        Assert.True(ImplementationPlanRules.YearInRange(2027, 2026));
        Assert.False(ImplementationPlanRules.YearInRange(2028, 2026));
        Assert.False(ImplementationPlanRules.YearInRange(2017, 2026));
    }
}

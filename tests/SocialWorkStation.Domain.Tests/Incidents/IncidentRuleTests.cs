using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Incidents;

namespace SocialWorkStation.Domain.Tests.Incidents;

public sealed class IncidentRuleTests
{
    private static readonly IncidentRules Qiongzhong = new()
    {
        UrgentRoutes = new([new UrgentRoute(UrgentNeed.Medical, ["tekunInstitution", "tekunDispersed"], UrgentReceiver.Township)], "（3）基本公共服务（二）第1项"),
    };

    [Fact]
    public void A_tekun_persons_medical_need_takes_the_documents_route()
    {
        var r = IncidentChecks.Route(Qiongzhong, UrgentNeed.Medical, ["dibao", "tekunDispersed"]);
        Assert.Equal(new UrgentRouting(UrgentReceiver.Township, "（3）基本公共服务（二）第1项", null, true), r);
    }

    [Fact]
    public void Another_person_or_need_takes_the_platform_default()
    {
        Assert.False(IncidentChecks.Route(Qiongzhong, UrgentNeed.Medical, ["dibao"]).FromDocument);
        Assert.False(IncidentChecks.Route(Qiongzhong, UrgentNeed.Other, ["tekunDispersed"]).FromDocument);
        var d = IncidentChecks.Route(null, UrgentNeed.Medical, []);
        Assert.Equal(UrgentReceiver.Township, d.To);
        Assert.StartsWith("平台默认", d.Source);
    }

    [Fact]
    public void Missing_county_documents_in_the_profiles_order()
    {
        var hunan = new IncidentRules { CountyDocuments = new(["退出机制", "应急预案"], "八、（二）") };
        Assert.Equal(["退出机制", "应急预案"], IncidentChecks.MissingDocuments(hunan, []));
        Assert.Equal(["应急预案"], IncidentChecks.MissingDocuments(hunan, ["退出机制", "其他"]));
        Assert.Empty(IncidentChecks.MissingDocuments(hunan, ["应急预案", "退出机制"]));
        Assert.Empty(IncidentChecks.MissingDocuments(null, []));
    }

    [Fact]
    public void Closure_on_the_day_it_happened_is_valid_the_day_before_is_not()
    {
        var d = new DateOnly(2026, 11, 16);
        Assert.True(IncidentChecks.ClosureDateValid(d, d));
        Assert.False(IncidentChecks.ClosureDateValid(d, d.AddDays(-1)));
    }

    [Fact]
    public void A_route_naming_an_unknown_category_or_without_a_clause_is_refused()
    {
        var bad = new IncidentRules { UrgentRoutes = new([new UrgentRoute(UrgentNeed.Medical, ["nobody"], UrgentReceiver.Township)], "") };
        var problems = IncidentRulesValidation.Problems(bad).Select(p => p.Field).ToList();
        Assert.Contains("incidents.urgentRoutes.source", problems);
        Assert.Contains("incidents.urgentRoutes.categories", problems);
        Assert.Empty(IncidentRulesValidation.Problems(Qiongzhong));
    }
}

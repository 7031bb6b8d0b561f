using System.Net;
using SocialWorkStation.Web.Tests.Evaluations;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Services;

namespace SocialWorkStation.Web.Tests.Agreements;

/// <summary>The signed agreement's file (attachment owner type agreement, agreements.md §6), on both databases.</summary>
public sealed class AgreementFileTests
{
    public static TheoryData<string> Providers => Db.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task The_bureau_attaches_the_signed_agreement_and_another_county_gets_404(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var contractor = await AgreementTestData.Contractor(bureau, "469030", "socialServiceOrganisation", "civilAffairs");
        var station = await EvaluationTestData.NewStation(app, "协议文本站" + AgreementTestData.Suffix(), "469030103", "hainan-qiongzhong");
        var agreement = await Budgets.BudgetTestData.Agreement(bureau, "hainan-qiongzhong", contractor, station);
        var upload = await ServiceData.Upload(bureau, "agreement", agreement, ServiceData.Jpeg(300, 200), "协议.jpg", "document");
        Assert.True(upload.StatusCode == HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        Assert.Single((await bureau.GetJson($"/api/v1/attachments?ownerType=agreement&ownerId={agreement}")).EnumerateArray());
        var ledong = await EvaluationTestData.Account(app, "BureauOfficer", "469027");
        Assert.Equal(HttpStatusCode.NotFound, (await ledong.GetAsync($"/api/v1/attachments?ownerType=agreement&ownerId={agreement}")).StatusCode);
        Assert.Contains("签署的协议文本", await bureau.GetStringAsync($"/Agreements/Agreement/{agreement}"));
    }
}

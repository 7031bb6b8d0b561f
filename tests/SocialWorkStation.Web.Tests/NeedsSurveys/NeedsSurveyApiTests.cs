using System.Net;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Services;

namespace SocialWorkStation.Web.Tests.NeedsSurveys;

public sealed class NeedsSurveyApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static async Task<string> Village(TestApp app) =>
        (await (await app.ClientFor("worker")).GetJson("/api/v1/regions/469030100/children"))[0].GetProperty("code").GetString()!;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_survey_lists_needs_per_village_and_links_them_to_activities(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var village = await Village(app);
        var activity = await (await worker.PostJson("/api/v1/activities", new { date = "2026-05-01", place = "村委会", theme = "老年人防诈骗讲座", kinds = new[] { "elderlyServices" }, workers = new[] { "符社工" }, participantCount = 20 })).ReadJson();
        var response = await worker.PostJson("/api/v1/needs-surveys", new
        {
            villageCode = village, title = "2026年需求调研", conductedOn = "2026-04-10", method = "入户走访", respondents = 35,
            needs = new object[]
            {
                new { description = "独居老人缺少日间照料", domain = "elderlyServices", priority = "high", affectedCount = 12, activityIds = new[] { activity.Id() } },
                new { description = "留守儿童课后无人辅导", domain = "childWelfare", priority = "medium" },
            },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var survey = await response.ReadJson();
        var needs = survey.GetProperty("needs").EnumerateArray().ToList();
        Assert.Equal(2, needs.Count);
        Assert.Equal("high", needs[0].GetProperty("priority").GetString());
        Assert.Equal("老年人防诈骗讲座", needs[0].GetProperty("activities")[0].GetProperty("theme").GetString());
        Assert.False(string.IsNullOrEmpty(survey.GetProperty("villageName").GetString()));

        // The activity knows which need it answers.
        var a = await worker.GetJson($"/api/v1/activities/{activity.Id()}");
        Assert.Equal("独居老人缺少日间照料", a.GetProperty("answersNeeds")[0].GetProperty("description").GetString());

        // Keep the first need (by id, status now met), drop the second, add a third.
        var first = needs[0].Id();
        var updated = await worker.PutJson($"/api/v1/needs-surveys/{survey.Id()}", new
        {
            villageCode = village, title = "2026年需求调研", conductedOn = "2026-04-10", version = 1,
            needs = new object[]
            {
                new { id = first, description = "独居老人缺少日间照料", domain = "elderlyServices", priority = "high", status = "met", activityIds = new[] { activity.Id() } },
                new { description = "村道夜间照明不足", domain = "communityGovernance", priority = "low" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = (await updated.ReadJson()).GetProperty("needs").EnumerateArray().ToList();
        Assert.Equal(2, after.Count);
        Assert.Equal(first, after[0].Id());
        Assert.Equal("met", after[0].GetProperty("status").GetString());

        var list = await worker.GetJson($"/api/v1/needs-surveys/needs?villageCode={village}&status=met");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), n => n.Id() == first);
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PutJson($"/api/v1/needs-surveys/{survey.Id()}", new { villageCode = village, title = "x", conductedOn = "2026-04-10", version = 1 })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_village_outside_the_station_and_other_stations_surveys_are_refused(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var otherVillage = (await worker.GetJson("/api/v1/regions/469030101/children"))[0].GetProperty("code").GetString();
        await (await worker.PostJson("/api/v1/needs-surveys", new { villageCode = otherVillage, title = "越界", conductedOn = "2026-04-10" })).AssertValidationProblem("villageCode");
        await (await worker.PostJson("/api/v1/needs-surveys", new { villageCode = await Village(app), title = "", conductedOn = "2026-04-10", needs = new[] { new { description = "" } } })).AssertValidationProblem("needs[0].description");

        var other = await ServiceData.OtherCountyStation(app);
        var manager = await app.ClientFor("manager");
        var theirs = await (await manager.PostJson("/api/v1/needs-surveys", new { stationId = other, villageCode = otherVillage, title = "湾岭调研Z3", conductedOn = "2026-04-10" })).ReadJson();
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/v1/needs-surveys/{theirs.Id()}")).StatusCode);
        Assert.Equal(0, (await worker.GetJson($"/api/v1/needs-surveys?villageCode={otherVillage}")).GetProperty("total").GetInt32());
    }
}

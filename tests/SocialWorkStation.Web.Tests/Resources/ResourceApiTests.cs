using System.Net;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Services;

namespace SocialWorkStation.Web.Tests.Resources;

public sealed class ResourceApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Money_goods_and_services_with_their_destination_and_the_year_s_totals(string db)
    {
        var app = TestApp.For(db);
        var manager = await app.ClientFor("manager");
        var station = await (await (await app.ClientFor("bureau")).PostJson("/api/v1/stations", new { name = "琼中县资源测试站", kind = "station", regionCode = "469030103", profileKey = "hainan-qiongzhong" })).ReadJson();
        var activity = await (await manager.PostJson("/api/v1/activities", new { stationId = station.Id(), date = "2026-02-10", place = "和平镇", theme = "新春送温暖", kinds = new[] { "socialAssistance" }, workers = new[] { "符社工" }, participantCount = 40 })).ReadJson();
        var money = await manager.PostJson("/api/v1/resources", new { stationId = station.Id(), donorName = "琼中某爱心企业", donorKind = "enterprise", kind = "money", description = "助学金", amount = 12000.50m, receivedOn = "2026-01-20" });
        Assert.Equal(HttpStatusCode.Created, money.StatusCode);
        Assert.Equal(12000.50m, (await money.ReadJson()).GetProperty("amount").GetDecimal());
        var goods = await (await manager.PostJson("/api/v1/resources", new { stationId = station.Id(), donorName = "李先生", donorKind = "individual", kind = "goods", description = "大米", quantity = 50, unit = "袋", estimatedValue = 2500, receivedOn = "2026-02-01", destination = "activity", activityId = activity.Id(), use = "新春活动分发给40户" })).ReadJson();
        Assert.Equal("新春送温暖", goods.GetProperty("activityTheme").GetString());
        await manager.PostJson("/api/v1/resources", new { stationId = station.Id(), donorName = "县人民医院", donorKind = "government", kind = "services", description = "义诊", receivedOn = "2026-03-01" });
        await manager.PostJson("/api/v1/resources", new { stationId = station.Id(), donorName = "琼中某爱心企业", donorKind = "enterprise", kind = "money", description = "去年", amount = 1m, receivedOn = "2025-12-31" });

        var summary = await manager.GetJson($"/api/v1/resources/summary?stationId={station.Id()}&year=2026");
        Assert.Equal(12000.50m, summary.GetProperty("money").GetDecimal());
        Assert.Equal(1, summary.GetProperty("goodsCount").GetInt32());
        Assert.Equal(1, summary.GetProperty("servicesCount").GetInt32());
        Assert.Equal(3, summary.GetProperty("donors").GetInt32());
        Assert.Equal(3, (await manager.GetJson($"/api/v1/resources?stationId={station.Id()}&year=2026")).GetProperty("total").GetInt32());

        var edited = await manager.PutJson($"/api/v1/resources/{goods.Id()}", new { donorName = "李先生", donorKind = "individual", kind = "goods", description = "大米", quantity = 60, unit = "袋", receivedOn = "2026-02-01", version = 1 });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("station", (await edited.ReadJson()).GetProperty("destination").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PutJson($"/api/v1/resources/{goods.Id()}", new { donorName = "x", donorKind = "individual", kind = "goods", description = "x", receivedOn = "2026-02-01", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor("head")).GetAsync($"/api/v1/resources/{goods.Id()}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_amounts_and_destinations_are_refused_by_field(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var bad = await worker.PostJson("/api/v1/resources", new { donorName = "", donorKind = "alien", kind = "money", description = "x", amount = 0.001m, receivedOn = "2026-01-01", destination = "activity" });
        await bad.AssertValidationProblem("amount");
        var errors = (await bad.ReadJson()).GetProperty("errors");
        foreach (var f in new[] { "donorName", "donorKind", "activityId" }) Assert.True(errors.TryGetProperty(f, out _), f);
        await (await worker.PostJson("/api/v1/resources", new { donorName = "a", donorKind = "other", kind = "goods", description = "x", amount = 5m, receivedOn = "2026-01-01" })).AssertValidationProblem("amount");
        var other = await ServiceData.OtherCountyStation(app);
        var theirs = await (await (await app.ClientFor("manager")).PostJson("/api/v1/activities", new { stationId = other, date = "2026-02-10", place = "p", theme = "t", kinds = new[] { "other" }, workers = new[] { "w" }, participantCount = 1 })).ReadJson();
        await (await worker.PostJson("/api/v1/resources", new { donorName = "a", donorKind = "other", kind = "services", description = "x", receivedOn = "2026-01-01", destination = "activity", activityId = theirs.Id() })).AssertValidationProblem("activityId");
    }
}

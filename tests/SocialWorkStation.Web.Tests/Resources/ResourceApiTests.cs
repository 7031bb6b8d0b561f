using System.Net;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Services;
using static SocialWorkStation.Web.Tests.Recipients.RecipientFixtures;

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

    [Theory, MemberData(nameof(Providers))]
    public async Task A_resource_goes_to_a_named_recipient_or_a_village_and_the_list_filters_by_recipient(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var name = NewName("逯");
        var recipient = (await Create(worker, Body(name, NewId()))).Id();
        var village = (await worker.GetJson("/api/v1/regions/469030100/children"))[0];

        var given = await worker.PostJson("/api/v1/resources", new { donorName = "琼中某超市", donorKind = "enterprise", kind = "goods", description = "米面油", quantity = 1, unit = "份",
            receivedOn = "2026-02-01", destination = "recipient", recipientId = recipient, use = "春节慰问" });
        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        var dto = await given.ReadJson();
        Assert.Equal("recipient", dto.GetProperty("destination").GetString());
        Assert.Equal(recipient, dto.GetProperty("recipientId").GetString());
        Assert.Equal(Masking.Name(name), dto.GetProperty("recipientName").GetString()); // masked, as everywhere
        Assert.DoesNotContain(name, dto.ToString());

        var toVillage = await (await worker.PostJson("/api/v1/resources", new { donorName = "县妇联", donorKind = "government", kind = "services", description = "家庭教育讲座",
            receivedOn = "2026-02-02", destination = "village", villageCode = village.GetProperty("code").GetString() })).ReadJson();
        Assert.Equal(village.GetProperty("name").GetString(), toVillage.GetProperty("villageName").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, JsonValueKind(toVillage, "recipientId"));

        var mine = await worker.GetJson($"/api/v1/resources?recipientId={recipient}");
        Assert.Equal(given.Headers.Location!.ToString().Split('/')[^1], Assert.Single(mine.GetProperty("items").EnumerateArray()).Id());

        // Moving it to the station clears the recipient; the list for them is empty again.
        var moved = await (await worker.PutJson($"/api/v1/resources/{dto.Id()}", new { donorName = "琼中某超市", donorKind = "enterprise", kind = "goods", description = "米面油",
            receivedOn = "2026-02-01", destination = "station", recipientId = recipient, version = dto.Version() })).ReadJson();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, JsonValueKind(moved, "recipientId"));
        Assert.Equal(0, (await worker.GetJson($"/api/v1/resources?recipientId={recipient}")).GetProperty("total").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_recipient_outside_the_scope_or_of_another_station_and_a_village_of_another_township_are_refused(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        object Body(string destination, object? recipientId = null, string? villageCode = null, Guid? stationId = null) => new
        {
            stationId, donorName = "a", donorKind = "other", kind = "services", description = "x", receivedOn = "2026-01-01", destination, recipientId, villageCode,
        };
        // Outside the worker's scope (another township's station): the same answer as a recipient who does not exist.
        var other = await OtherStation(app);
        var outsider = await AddDirect(app, other, NewName("逯"));
        await (await worker.PostJson("/api/v1/resources", Body("recipient", outsider))).AssertValidationProblem("recipientId");
        await (await worker.PostJson("/api/v1/resources", Body("recipient", Guid.NewGuid()))).AssertValidationProblem("recipientId");
        await (await worker.PostJson("/api/v1/resources", Body("recipient"))).AssertValidationProblem("recipientId");
        // Inside the manager's county but registered at another station than the resource's.
        var manager = await app.ClientFor("manager");
        await (await manager.PostJson("/api/v1/resources", Body("recipient", outsider, stationId: await HeadStation(app)))).AssertValidationProblem("recipientId");
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJson("/api/v1/resources", Body("recipient", outsider, stationId: other))).StatusCode);
        // A village of another township, and none at all.
        var elsewhere = (await worker.GetJson("/api/v1/regions/469030101/children"))[0].GetProperty("code").GetString();
        await (await worker.PostJson("/api/v1/resources", Body("village", villageCode: elsewhere))).AssertValidationProblem("villageCode");
        await (await worker.PostJson("/api/v1/resources", Body("village"))).AssertValidationProblem("villageCode");
        await (await worker.PostJson("/api/v1/resources", Body("elsewhere"))).AssertValidationProblem("destination");
        // Filtering by a recipient one may not see finds nothing.
        Assert.Equal(0, (await worker.GetJson($"/api/v1/resources?recipientId={outsider}")).GetProperty("total").GetInt32());
    }

    private static System.Text.Json.JsonValueKind JsonValueKind(System.Text.Json.JsonElement e, string property) =>
        e.TryGetProperty(property, out var p) ? p.ValueKind : System.Text.Json.JsonValueKind.Undefined;
}

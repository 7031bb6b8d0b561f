using System.Net;
using System.Text.Json;
using SocialWorkStation.Web.Features.Assets;
using SocialWorkStation.Web.Tests.Complaints;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Recipients;

namespace SocialWorkStation.Web.Tests.Assets;

/// <summary>The fixed-asset register (docs/requirements/books.md §2) through the API, on both databases.</summary>
public sealed class AssetApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    public static async Task<Guid> AddDirect(TestApp app, Guid station) => await app.WithDb(async db =>
    {
        var a = new FixedAsset { StationId = station, Name = "直写资产", Category = "家具", Value = 100m, AcquiredOn = new DateOnly(2025, 1, 1), FundingSource = "f", Location = "l", Custodian = "c", CreatedBy = "test" };
        db.Add(a);
        await db.SaveChangesAsync();
        return a.Id;
    });

    public static async Task<Guid> AddCheckDirect(TestApp app, Guid station, Guid asset) => await app.WithDb(async db =>
    {
        var c = new AssetCheck { StationId = station, CheckedOn = new DateOnly(2025, 6, 30), CheckedBy = "test", Items = [new AssetCheckItem { AssetId = asset, Result = Domain.Assets.CheckResult.Found }] };
        db.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    });

    [Theory, MemberData(nameof(Providers))]
    public async Task Register_count_and_dispose_with_the_entry_kept(string db)
    {
        var app = TestApp.For(db);
        var station = await RecipientFixtures.HeadStation(app);
        var head = await app.ClientFor("head");
        var today = app.Today;
        async Task<JsonElement> Register(string name, decimal value)
        {
            var r = await head.PostJson($"/api/v1/stations/{station}/assets", new { name, category = "电子设备", value, acquiredOn = D(today.AddDays(-30)), fundingSource = "县财政", location = "社工室", custodian = "符海燕" });
            Assert.True(r.StatusCode == HttpStatusCode.Created, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            return await r.ReadJson();
        }
        var pc = await Register("电脑" + Guid.NewGuid().ToString("N")[..4], 4299.99m);
        Assert.Equal(4299.99m, pc.GetProperty("value").GetDecimal());
        Assert.Equal("inUse", pc.GetProperty("status").GetString());
        var printer = await Register("打印机" + Guid.NewGuid().ToString("N")[..4], 1200m);
        var bad = await head.PostJson($"/api/v1/stations/{station}/assets", new { name = "x", category = "c", value = 1.234m, acquiredOn = D(today), fundingSource = "f", location = "l", custodian = "c" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("value", await bad.Content.ReadAsStringAsync());

        // A check-up: one found, one damaged; an unknown asset is refused.
        var pcId = pc.GetProperty("id").GetString();
        var printerId = printer.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.BadRequest, (await head.PostJson($"/api/v1/stations/{station}/asset-checks", new { checkedBy = "黄晓梅", items = new[] { new { assetId = Guid.NewGuid(), result = "found" } } })).StatusCode);
        var check = await head.PostJson($"/api/v1/stations/{station}/asset-checks", new { checkedOn = D(today), checkedBy = "黄晓梅、符海燕", items = new object[] { new { assetId = pcId, result = "found" }, new { assetId = printerId, result = "damaged", note = "卡纸" } } });
        Assert.Equal(HttpStatusCode.Created, check.StatusCode);
        var checkJson = await check.ReadJson();
        Assert.Equal(1, checkJson.GetProperty("damaged").GetInt32());
        var seen = await head.GetJson($"/api/v1/assets/{printerId}");
        Assert.Equal("damaged", seen.GetProperty("lastResult").GetString());
        Assert.Equal(D(today), seen.GetProperty("lastCheckedOn").GetString());

        // Disposal: stale 409, missing approval 400, then disposed and still in the register marked 已处置.
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostJson($"/api/v1/assets/{printerId}/dispose", new { reason = "报废", approval = "李镇干", version = 7 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await head.PostJson($"/api/v1/assets/{printerId}/dispose", new { reason = "报废", version = 1 })).StatusCode);
        var disposed = await (await head.PostJson($"/api/v1/assets/{printerId}/dispose", new { reason = "损坏报废", approval = "营根镇 李镇干", version = 1 })).ReadJson();
        Assert.Equal("已处置", disposed.GetProperty("statusText").GetString());
        Assert.Equal(D(today), disposed.GetProperty("disposedOn").GetString());
        var register = await head.GetJson($"/api/v1/stations/{station}/assets?status=disposed&pageSize=500");
        Assert.Contains(register.GetProperty("items").EnumerateArray(), x => x.GetProperty("id").GetString() == printerId);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await head.PostJson($"/api/v1/assets/{printerId}/dispose", new { reason = "再", approval = "a", version = 2 })).StatusCode);
        // A worker reads but does not write the register.
        var worker = await app.ClientFor("worker");
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/api/v1/assets/{pcId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostJson($"/api/v1/assets/{pcId}/dispose", new { reason = "x", approval = "y", version = 1 })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Another_countys_assets_are_404(string db)
    {
        var app = TestApp.For(db);
        var ledong = await ComplaintTestData.LedongStation(app);
        var asset = await AddDirect(app, ledong);
        var check = await AddCheckDirect(app, ledong, asset);
        var head = await app.ClientFor("head");
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/assets/{asset}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/asset-checks/{check}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/stations/{ledong}/assets")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.PostJson($"/api/v1/assets/{asset}/dispose", new { reason = "x", approval = "y", version = 1 })).StatusCode);
        var station = await RecipientFixtures.HeadStation(app);
        Assert.Equal(HttpStatusCode.BadRequest, (await head.PostJson($"/api/v1/stations/{station}/asset-checks", new { checkedBy = "x", items = new[] { new { assetId = asset, result = "found" } } })).StatusCode);
    }
}

using System.Net;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Services;

namespace SocialWorkStation.Web.Tests.FeaturedCases;

public sealed class FeaturedCaseApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static object NewCase(string title, string writtenOn = "2026-06-30", string? stationId = null) => new
    {
        stationId, title, domain = "elderlyServices", writtenOn, authors = "符社工、黄站长", summary = "以互助小组回应独居老人的孤独感",
        body = "一、案例背景……二、需求评估……三、服务计划……四、服务过程……五、服务成效……六、专业反思……",
    };

    [Theory, MemberData(nameof(Providers))]
    public async Task Write_correct_and_attach_a_featured_case(string db)
    {
        var app = TestApp.For(db);
        var head = await app.ClientFor("head");
        var created = await (await head.PostJson("/api/v1/featured-cases", NewCase("“银龄互助”特色服务案例"))).ReadJson();
        Assert.Equal(1, created.Version());
        var photo = await ServiceData.Upload(head, "featuredCase", created.Id(), ServiceData.Jpeg(300, 200), "合影.jpg");
        Assert.Equal(HttpStatusCode.Created, photo.StatusCode);
        var got = await head.GetJson($"/api/v1/featured-cases/{created.Id()}");
        Assert.Single(got.GetProperty("attachments").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await head.PutJson($"/api/v1/featured-cases/{created.Id()}", NewCase("“银龄互助”案例（修订）").With(("version", 1)))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await head.PutJson($"/api/v1/featured-cases/{created.Id()}", NewCase("旧稿").With(("version", 1)))).StatusCode);
        await (await head.PostJson("/api/v1/featured-cases", new { title = "", body = "", writtenOn = "x" })).AssertValidationProblem("writtenOn");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Ledong_counts_one_case_a_year_and_others_do_not_see_it(string db)
    {
        var app = TestApp.For(db);
        var outside = await ServiceData.OutsideStation(app);
        // Only the administrators reach Ledong; records there are made in the database as a Ledong station would.
        var id = await app.WithDb(async d =>
        {
            var c = new Web.Features.FeaturedCases.FeaturedCase { StationId = Guid.Parse(outside), Title = "乐东案例", WrittenOn = new DateOnly(2025, 12, 31), Authors = "a", Body = "b" };
            d.Add(c);
            await d.SaveChangesAsync();
            return c.Id;
        });
        var admin = await app.ClientForProvince();
        var p2025 = await admin.GetJson($"/api/v1/featured-cases/progress?stationId={outside}&year=2025");
        var item = Assert.Single(p2025.GetProperty("items").EnumerateArray());
        Assert.True(item.GetProperty("met").GetBoolean());
        Assert.Contains("特色服务", item.GetProperty("source").GetString());
        Assert.False((await admin.GetJson($"/api/v1/featured-cases/progress?stationId={outside}&year=2026")).GetProperty("items")[0].GetProperty("met").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor("bureau")).GetAsync($"/api/v1/featured-cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor("bureau")).GetAsync($"/api/v1/featured-cases/progress?stationId={outside}")).StatusCode);
        // Qiongzhong sets no featured-case number: not tracked.
        Assert.False((await (await app.ClientFor("head")).GetJson("/api/v1/featured-cases/progress?year=2026")).GetProperty("tracked").GetBoolean());
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Recipients;
using SocialWorkStation.Web.Tests.Workers;

namespace SocialWorkStation.Web.Tests.Public;

/// <summary>The public station pages (docs/requirements/public.md §1-§3): what they show, what they never show, who may reach them.</summary>
public sealed class PublicPageTests
{
    public static TheoryData<string> Providers => Db.Providers;

    /// <summary>A station of its own, full of sensitive records; returns the station and every protected value written.</summary>
    internal static async Task<(string Station, List<string> Protected, string PublishedTitle)> SensitiveStation(TestApp app)
    {
        var bureau = await app.ClientFor("bureau");
        var station = await WorkerTestData.NewStation(bureau);
        var secrets = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var name = RecipientFixtures.NewName("訾");
            var id = RecipientFixtures.NewId();
            var phone = "139" + Random.Shared.Next(10000000, 99999999);
            var address = "保密巷" + Random.Shared.Next(100, 999) + "号";
            var notes = "个案细节" + Guid.NewGuid().ToString("N")[..8];
            var health = "病史" + Guid.NewGuid().ToString("N")[..6];
            var body = RecipientFixtures.Body(name, id, phone, Guid.Parse(station), sensitive: new { health, monthlyIncome = 321.5m, notes });
            var json = System.Text.Json.JsonSerializer.SerializeToElement(body);
            var dict = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
            dict["address"] = address;
            var recipient = await RecipientFixtures.Create(bureau, dict);
            var recipientId = Guid.Parse(recipient.GetProperty("id").GetString()!);
            await Cases.CaseApiTests.AddCaseDirect(app, Guid.Parse(station), recipientId);
            secrets.AddRange([name, id, phone, address, notes, health]);
        }
        var workerName = RecipientFixtures.NewName("禤");
        await WorkerTestData.Create(bureau, WorkerTestData.Worker(station, workerName));
        secrets.Add(workerName);
        secrets.Add("矩阵社工"); // the case worker AddCaseDirect writes
        var hidden = "未审核案例" + Guid.NewGuid().ToString("N")[..8];
        var shown = "已公开案例" + Guid.NewGuid().ToString("N")[..8];
        await app.WithDb(async db =>
        {
            db.Add(new Features.FeaturedCases.FeaturedCase { StationId = Guid.Parse(station), Title = hidden, Authors = "撰写人", Body = "未审核正文" + hidden, WrittenOn = app.Today });
            db.Add(new Features.FeaturedCases.FeaturedCase { StationId = Guid.Parse(station), Title = shown, Authors = "撰写人", Body = "正文", WrittenOn = app.Today, PublishedAt = DateTime.UtcNow, PublishedBy = "bureau" });
            await db.SaveChangesAsync();
            return 0;
        });
        secrets.Add(hidden);
        // A complaint about the station, with the person's name and phone: never on a public page.
        var complainant = RecipientFixtures.NewName("訾");
        var complainantPhone = "137" + Random.Shared.Next(10000000, 99999999);
        var complaintText = "投诉内容" + Guid.NewGuid().ToString("N")[..8];
        var filed = await Complaints.ComplaintTestData.Resident(app).PostJson("/api/v1/public/complaints", new { stationId = station, kind = "complaint", text = complaintText, name = complainant, phone = complainantPhone });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        secrets.AddRange([complainant, complainantPhone, complaintText]);
        return (station, secrets, shown);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task No_protected_value_reaches_a_public_page(string db)
    {
        var app = TestApp.For(db);
        var (station, secrets, shown) = await SensitiveStation(app);
        var anon = app.Anonymous();
        foreach (var url in PublicUrls(station))
        {
            var response = await anon.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            foreach (var secret in secrets)
            {
                Assert.False(html.Contains(secret, StringComparison.Ordinal), $"{url} shows the protected value {secret}");
            }
            if (url.EndsWith(station, StringComparison.Ordinal))
            {
                Assert.Contains(shown, html);
                Assert.Contains("年度服务进度", html);
            }
        }
    }

    /// <summary>Every public page a station has (new public pages join this list).</summary>
    internal static IEnumerable<string> PublicUrls(string station) =>
    [
        $"/public/stations/{station}",
        $"/public/stations/{station}/qr.svg",
        $"/public/stations/{station}/complaint",
        "/public/complaints/track",
    ];

    [Theory, MemberData(nameof(Providers))]
    public async Task The_station_page_shows_what_staff_published_and_the_qr_code_points_at_it(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var station = await WorkerTestData.NewStation(bureau);
        var directory = "目录" + Guid.NewGuid().ToString("N")[..6];
        var saved = await bureau.PutJson($"/api/v1/stations/{station}/disclosure", new { serviceDirectory = directory, serviceGuide = "来站登记即可", serviceListFiledOn = app.Today.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var version = (await saved.ReadJson()).GetProperty("version").GetInt32();
        // A later write names the version it read.
        Assert.Equal(HttpStatusCode.BadRequest, (await bureau.PutJson($"/api/v1/stations/{station}/disclosure", new { serviceDirectory = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await bureau.PutJson($"/api/v1/stations/{station}/disclosure", new { serviceDirectory = "x", version = version + 5 })).StatusCode);
        var html = await (await app.Anonymous().GetAsync($"/public/stations/{station}")).Content.ReadAsStringAsync();
        Assert.Contains(directory, html);
        Assert.Contains("来站登记即可", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        // This station has no contractor: its disclosure cannot be written (422).
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await bureau.PutJson($"/api/v1/stations/{station}/contractor-disclosure", new { basicInfo = "x" })).StatusCode);

        // The contractor writes its own disclosure once; every station it runs shows it.
        // A station the contractor runs (other tests add stations to the head's township, so "the first one the head sees" may have none).
        var manager = await app.ClientFor("manager");
        var headStation = (await manager.GetJson("/api/v1/stations?kind=station")).GetProperty("items").EnumerateArray()
            .First(s => s.GetProperty("contractorId").ValueKind == JsonValueKind.String).GetProperty("id").GetString()!;
        var basic = "基本情况" + Guid.NewGuid().ToString("N")[..6];
        HttpResponseMessage contractor;
        var tries = 0;
        do
        {
            // Other tests (the authorization matrix) write the demo contractor's disclosure too: read, write, and read again on 409.
            var current = (await manager.GetJson($"/api/v1/stations/{headStation}/disclosure")).GetProperty("contractor").GetProperty("version").GetInt32();
            contractor = await manager.PutJson($"/api/v1/stations/{headStation}/contractor-disclosure", new { basicInfo = basic, qualifications = "民政部门登记", version = current == 0 ? (int?)null : current });
        }
        while (contractor.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest && ++tries < 5);
        Assert.True(contractor.StatusCode == HttpStatusCode.OK, $"{(int)contractor.StatusCode} {await contractor.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("head")).PutJson($"/api/v1/stations/{headStation}/contractor-disclosure", new { basicInfo = "x" })).StatusCode);
        var page = await app.Anonymous().GetStringAsync($"/public/stations/{headStation}");
        Assert.True(page.Contains(basic) || !(await manager.GetStringAsync($"/api/v1/stations/{headStation}/disclosure")).Contains(basic), "the contractor's disclosure is on its station's page");

        var qr = await app.Anonymous().GetAsync($"/public/stations/{station}/qr.svg");
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await qr.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/public/stations/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/public/stations/{Guid.NewGuid()}/qr.svg")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_featured_case_is_public_only_while_the_bureau_approves_the_text_it_read(string db)
    {
        var app = TestApp.For(db);
        var station = (await RecipientFixtures.HeadStation(app)).ToString();
        var head = await app.ClientFor("head");
        var title = "案例" + Guid.NewGuid().ToString("N")[..8];
        var created = await (await head.PostJson("/api/v1/featured-cases", new { title, writtenOn = app.Today.ToString("yyyy-MM-dd"), authors = "黄晓梅", body = "正文" })).ReadJson();
        var id = created.GetProperty("id").GetString();
        var version = created.GetProperty("version").GetInt32();
        var anon = app.Anonymous();
        Assert.DoesNotContain(title, await anon.GetStringAsync($"/public/stations/{station}"));

        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostJson($"/api/v1/featured-cases/{id}/publish", new { version })).StatusCode);
        var bureau = await app.ClientFor("bureau");
        Assert.Equal(HttpStatusCode.Conflict, (await bureau.PostJson($"/api/v1/featured-cases/{id}/publish", new { version = version + 3 })).StatusCode);
        var published = await (await bureau.PostJson($"/api/v1/featured-cases/{id}/publish", new { version })).ReadJson();
        Assert.True(published.GetProperty("publishedAt").ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Contains(title, await anon.GetStringAsync($"/public/stations/{station}"));

        // A correction withdraws the approval until the bureau reads it again.
        var edited = await head.PutJson($"/api/v1/featured-cases/{id}", new { title, writtenOn = app.Today.ToString("yyyy-MM-dd"), authors = "黄晓梅", body = "改过的正文", version = published.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.DoesNotContain(title, await anon.GetStringAsync($"/public/stations/{station}"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Staff_disclosure_outside_the_scope_is_404(string db)
    {
        var app = TestApp.For(db);
        var other = (await RecipientFixtures.OtherStation(app)).ToString();
        var head = await app.ClientFor("head");
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/stations/{other}/disclosure")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.PutJson($"/api/v1/stations/{other}/disclosure", new { serviceDirectory = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync($"/api/v1/stations/{other}/disclosure")).StatusCode);
    }

    /// <summary>
    /// Anonymous access opens the public pages and nothing else: every endpoint that allows anonymous callers is on
    /// this list (a new one must be added here on purpose), and the staff pages send an anonymous visitor to the login.
    /// </summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task Anonymous_callers_reach_only_the_public_pages(string db)
    {
        var app = TestApp.For(db);
        string[] allowed =
        [
            "/public/", "/Account/Login", "/Account/Denied", "/Error", "/health", "/openapi/", "/api/v1/auth/login",
            "/api/v1/auth/refresh", // a refresh token is the credential (docs/security.md "Sessions")
            "/api/v1/public/complaints", // the complaint form's API, its tracking look-up and satisfaction (docs/requirements/public.md §4)
            "/lib/", // the licence files of the bundled libraries (static files without an extension)
        ];
        var anonymous = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            // Static files (a path ending in a file name without parameters) are the only other anonymous endpoints.
            .Where(p => !(p.Split('/').Last().Contains('.') && !p.Contains('{') && !p.StartsWith("/openapi", StringComparison.Ordinal)))
            .Distinct().ToList();
        var unexpected = anonymous.Where(p => !allowed.Any(a => p.StartsWith(a, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(unexpected.Count == 0, "anonymous endpoints not on the list: " + string.Join(", ", unexpected));

        var anon = app.Anonymous();
        foreach (var page in new[] { "/", "/Stations", "/Recipients", "/FeaturedCases", $"/Public/Manage/{await RecipientFixtures.HeadStation(app)}" })
        {
            var response = await anon.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Account/Login"), $"{page}: {(int)response.StatusCode}");
        }
    }
}

using System.Net;
using System.Text.RegularExpressions;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Recipients;

namespace SocialWorkStation.Web.Tests.Complaints;

/// <summary>The public complaint form and tracking page (no script, antiforgery) and the staff's 投诉建议 pages, on both databases.</summary>
public sealed class ComplaintPageTests
{
    public static TheoryData<string> Providers => Db.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_resident_files_on_the_form_the_station_answers_on_its_page_and_the_resident_reads_the_answer(string db)
    {
        var app = TestApp.For(db);
        var station = await RecipientFixtures.HeadStation(app);
        var resident = ComplaintTestData.Resident(app);
        Assert.Contains($"/public/stations/{station}/complaint", await resident.GetStringAsync($"/public/stations/{station}"));
        var form = await resident.GetStringAsync($"/public/stations/{station}/complaint");
        Assert.DoesNotContain("<script", form, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("社工站", form); // Qiongzhong: the station receives (platform default)
        var text = "活动室灯坏了" + Guid.NewGuid().ToString("N")[..6];
        // Without the antiforgery token the post is refused.
        var forged = await resident.PostAsync($"/public/stations/{station}/complaint", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Kind"] = "suggestion", ["Input.Text"] = text }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        // The honeypot filled: refused on the page too.
        var bot = await resident.PostAsync($"/public/stations/{station}/complaint", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Kind"] = "suggestion", ["Input.Text"] = text, ["Input.Website"] = "x", ["__RequestVerificationToken"] = TestApp.FormToken(form),
        }));
        Assert.DoesNotContain("tracking-number", await bot.Content.ReadAsStringAsync());
        var filed = await resident.PostAsync($"/public/stations/{station}/complaint", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Kind"] = "suggestion", ["Input.Text"] = text, ["Input.Phone"] = "13800001111", ["Input.Website"] = "", ["__RequestVerificationToken"] = TestApp.FormToken(form),
        }));
        var html = await filed.Content.ReadAsStringAsync();
        var number = Regex.Match(html, "id=\"tracking-number\">([0-9A-Z-]+)<").Groups[1].Value;
        Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$", number);

        var head = await app.BrowserFor("head");
        var list = await head.GetStringAsync("/Complaints?status=open");
        Assert.Contains(text, list);
        var id = Regex.Match(list, "/Complaints/Details/([0-9a-f-]{36})\">" + Regex.Escape(text)).Groups[1].Value;
        var details = await head.GetStringAsync($"/Complaints/Details/{id}");
        var version = Regex.Match(details, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        var answered = await head.PostAsync($"/Complaints/Details/{id}?handler=Answer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Answer"] = "已更换灯管", ["Version"] = version, ["__RequestVerificationToken"] = TestApp.FormToken(details),
        }));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var track = await resident.GetStringAsync("/public/complaints/track");
        var result = await (await resident.PostAsync("/public/complaints/track", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Number"] = number, ["__RequestVerificationToken"] = TestApp.FormToken(track),
        }))).Content.ReadAsStringAsync();
        Assert.Contains("已更换灯管", result);
        Assert.DoesNotContain(text, result);
        Assert.DoesNotContain("13800001111", result);
        var wrong = await resident.PostAsync("/public/complaints/track", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Number"] = "0000-0000-0000-0000", ["__RequestVerificationToken"] = TestApp.FormToken(track),
        }));
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Contains("未找到该查询码", await wrong.Content.ReadAsStringAsync());
    }
}

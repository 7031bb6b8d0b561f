using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialWorkStation.Domain.Agreements;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Agreements;
using SocialWorkStation.Web.Features.Organisations;
using SocialWorkStation.Web.Features.Stations;
using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>
/// On a phone (390×844) the bureau officer registers a hand-over between contractors on the agreement's page and downloads
/// the hand-over list (交接清单). The station, its two contractors and its cycle are the test's own, so the demo station keeps its contractor.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HandoverPhoneTests(BrowserApp app)
{
    [BrowserFact]
    public async Task The_bureau_registers_a_hand_over_and_downloads_the_list_on_a_phone()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var stationName = "湾岭镇交接测试站" + suffix;
        Guid agreementId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var outgoing = new Organisation { Name = "移交测试社工中心" + suffix, Kind = OrganisationKind.Contractor, RegionCode = "469030", LegalForm = LegalForm.SocialServiceOrganisation, RegisteringAuthority = RegisteringAuthority.CivilAffairs };
            var incoming = new Organisation { Name = "接收测试社工中心" + suffix, Kind = OrganisationKind.Contractor, RegionCode = "469030", LegalForm = LegalForm.SocialServiceOrganisation, RegisteringAuthority = RegisteringAuthority.CivilAffairs };
            var station = new Platform { Name = stationName, Kind = PlatformKind.Station, RegionCode = "469030101", ProfileKey = "hainan-qiongzhong", ContractorId = outgoing.Id, CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
            var start = app.Today.AddMonths(-3);
            var cycle = new ProgrammeCycle
            {
                CountyCode = "469030", ProfileKey = "hainan-qiongzhong", BuyerName = "琼中县民政局", ContractorId = outgoing.Id, StartDate = start, Years = 1,
                CreatedBy = "test", CreatedAt = app.Clock.GetUtcNow().UtcDateTime, Stations = [new ProgrammeCycleStation { StationId = station.Id }],
            };
            var agreement = new Agreement
            {
                CycleId = cycle.Id, YearNumber = 1, SignedOn = start, TermStart = start, TermEnd = start.AddYears(1), Amount = 212000m, CreatedBy = "test", CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.AddRange(outgoing, incoming, station, cycle, agreement);
            await db.SaveChangesAsync();
            agreementId = agreement.Id;
        }

        var phone = await app.NewPageAsync(390, 844, mobile: true);
        await app.LoginAsync(phone, "bureau");
        await phone.GotoAsync($"{app.BaseUrl}/Agreements/Agreement/{agreementId}");
        var form = phone.GetByRole(AriaRole.Form, new() { Name = "交接 " + stationName });
        await form.GetByLabel("接收的承接机构").SelectOptionAsync(new SelectOptionValue { Label = "接收测试社工中心" + suffix });
        var submit = form.GetByRole(AriaRole.Button, new() { Name = "办理交接" });
        Assert.True(await submit.BoundingBoxAsync() is { Height: >= 44 }, "办理交接按钮的触控区域至少 44 像素高");
        await submit.ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Status).First).ToContainTextAsync("交接已办理");
        var row = phone.Locator("section[aria-labelledby='handovers'] tr").Filter(new() { HasText = stationName });
        await Expect(row).ToContainTextAsync("接收测试社工中心" + suffix);
        var download = await phone.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = "下载交接清单（Excel）" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.True(new FileInfo(path).Length > 0);
        Assert.Equal(0, await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await app.ScreenshotAsync(phone, "g-phone-handover");
    }
}

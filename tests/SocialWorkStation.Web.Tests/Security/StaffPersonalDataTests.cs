using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Volunteers;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Volunteers;
using SocialWorkStation.Web.Features.Workers;
using SocialWorkStation.Web.Infrastructure;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Services;
using SocialWorkStation.Web.Tests.Workers;

namespace SocialWorkStation.Web.Tests.Security;

/// <summary>
/// Issue 17 item 3: workers' and volunteers' ID numbers and phones, team leaders' and accounts' phones are stored
/// encrypted like recipients', found by keyed hashes, masked in answers, and the clear columns of older releases
/// are encrypted at start-up (docs/security.md).
/// </summary>
public sealed class StaffPersonalDataTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static bool Holds(byte[]? blob, string value) => blob is not null && blob.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0;

    private static string NewPhone() => "139" + Random.Shared.Next(10_000_000, 99_999_999);

    [Theory, MemberData(nameof(Providers))]
    public async Task Ids_and_phones_are_stored_encrypted_found_by_hash_and_never_in_clear(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var station = await WorkerTestData.NewStation(bureau);
        var workerId = WorkerTestData.Id("1991-07-04", area: "469030");
        var worker = await WorkerTestData.Create(bureau, WorkerTestData.Worker(station, "加密社工", workerId));
        // Found by the last four characters, a second active worker with the number refused.
        var found = await bureau.GetJson($"/api/v1/workers?stationId={station}&q={workerId[^4..]}");
        Assert.Contains(worker, found.ToString());
        await (await bureau.PostJson("/api/v1/workers", WorkerTestData.Worker(station, "重复社工", workerId))).AssertValidationProblem("idNumber");

        var volunteers = await app.ClientFor("worker");
        var volunteerId = WorkerTestData.Id("1986-02-11", male: false, area: "469030");
        var phone = NewPhone();
        var created = await volunteers.PostJson("/api/v1/volunteers", new { name = "加密志愿者", idType = "residentId", idNumber = volunteerId, phone, registeredOn = "2026-02-01" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var volunteer = await created.ReadJson();
        Assert.Equal(Domain.Names.Masking.Phone(phone), volunteer.GetProperty("phone").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await volunteers.PostJson("/api/v1/volunteers", new { name = "加密志愿者", idType = "residentId", idNumber = volunteerId, registeredOn = "2026-02-01" })).StatusCode);
        // The reveal (with a reason, audited) gives both back.
        var revealed = await (await volunteers.PostJson($"/api/v1/volunteers/{volunteer.Id()}/reveal", new { reason = "核对实名登记" })).ReadJson();
        Assert.Equal(volunteerId, revealed.GetProperty("idNumber").GetString());
        Assert.Equal(phone, revealed.GetProperty("phone").GetString());
        // An edit that sends back the masked phone it read keeps the stored number.
        var edited = await volunteers.PutJson($"/api/v1/volunteers/{volunteer.Id()}", new
        {
            name = "加密志愿者", idType = "residentId", idNumber = volunteerId, phone = volunteer.GetProperty("phone").GetString(), registeredOn = "2026-02-01",
            skills = "助老", version = volunteer.GetProperty("version").GetInt32(),
        });
        Assert.True(edited.IsSuccessStatusCode, await edited.Content.ReadAsStringAsync());
        Assert.Equal(phone, (await (await volunteers.PostJson($"/api/v1/volunteers/{volunteer.Id()}/reveal", new { reason = "核对修改后的电话" })).ReadJson()).GetProperty("phone").GetString());

        var leaderPhone = NewPhone();
        var team = await (await volunteers.PostJson("/api/v1/volunteer-teams", new { stationId = volunteer.GetProperty("stationId").GetString(), name = "加密服务队", foundedOn = "2025-06-01", leader = "队长", leaderPhone })).ReadJson();
        Assert.Equal(Domain.Names.Masking.Phone(leaderPhone), team.GetProperty("leaderPhone").GetString());

        var accountPhone = NewPhone();
        var userName = "enc" + Guid.NewGuid().ToString("N")[..8];
        var account = await (await app.ClientFor("security")).PostJson("/api/v1/accounts",
            new { userName, displayName = "加密账号", password = "Abcdefgh12!", roles = new[] { "BureauOfficer" }, scopeRegionCode = "469030", phone = accountPhone });
        Assert.Equal(HttpStatusCode.Created, account.StatusCode);
        Assert.Equal(accountPhone, (await account.ReadJson()).GetProperty("phone").GetString());

        await app.WithDb(async d =>
        {
            var w = await d.Workers.AsNoTracking().SingleAsync(x => x.Id == Guid.Parse(worker));
            Assert.Equal(workerId, w.IdNumber);
            Assert.False(Holds(w.IdNumberCipher, workerId) || Holds(w.IdNumberCipher, workerId[6..14]));
            Assert.Null(await d.Workers.Where(x => x.Id == w.Id).Select(x => EF.Property<string?>(x, PersonalDataUpgrade.Legacy)).SingleAsync());
            var v = await d.Set<Volunteer>().AsNoTracking().SingleAsync(x => x.Id == Guid.Parse(volunteer.Id()));
            Assert.Equal(phone, v.Phone);
            Assert.False(Holds(v.IdNumberCipher, volunteerId) || Holds(v.PhoneCipher, phone));
            var t = await d.Set<VolunteerTeam>().AsNoTracking().SingleAsync(x => x.Id == Guid.Parse(team.Id()));
            Assert.Equal(leaderPhone, t.LeaderPhone);
            Assert.False(Holds(t.LeaderPhoneCipher, leaderPhone));
            var u = await d.Users.AsNoTracking().SingleAsync(x => x.UserName == userName);
            Assert.Equal(accountPhone, u.PhoneNumber);
            Assert.False(Holds(u.PhoneNumberCipher, accountPhone));
            Assert.Null(await d.Users.Where(x => x.Id == u.Id).Select(x => EF.Property<string?>(x, PersonalDataUpgrade.LegacyPhone)).SingleAsync());
            // The audit trail of these records holds none of the values.
            var ids = new[] { worker, volunteer.Id(), team.Id(), u.Id };
            var trail = string.Join("\n", await d.AuditEntries.AsNoTracking().Where(e => ids.Contains(e.EntityId!)).Select(e => e.Before + e.After + e.Note).ToListAsync());
            Assert.NotEmpty(trail);
            foreach (var value in new[] { workerId, volunteerId, phone, leaderPhone, accountPhone })
            {
                Assert.DoesNotContain(value, trail);
            }
            return 0;
        });
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Values_an_earlier_release_kept_in_clear_are_encrypted_at_start_up(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var station = await WorkerTestData.NewStation(bureau);
        var idNumber = WorkerTestData.Id("1990-12-31", area: "469030");
        var worker = Guid.Parse(await WorkerTestData.Create(bureau, WorkerTestData.Worker(station, "旧版社工", idNumber)));
        var phone = NewPhone();
        await app.WithDb(async d =>
        {
            // As the release before encryption left it: the number in the clear column, no ciphertext, no hash.
            await d.Workers.Where(w => w.Id == worker).ExecuteUpdateAsync(s => s
                .SetProperty(w => EF.Property<string?>(w, PersonalDataUpgrade.Legacy), idNumber)
                .SetProperty(w => w.IdNumberCipher, (byte[]?)null).SetProperty(w => w.IdNumberHash, (string?)null).SetProperty(w => w.IdTailHash, (string?)null));
            var userId = await d.Users.Where(u => u.UserName == "bureau").Select(u => u.Id).SingleAsync();
            await d.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
                .SetProperty(u => EF.Property<string?>(u, PersonalDataUpgrade.LegacyPhone), phone).SetProperty(u => u.PhoneNumberCipher, (byte[]?)null));
            return 0;
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var d = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.True(await PersonalDataUpgrade.EncryptLegacyAsync(d) >= 2);
            Assert.Equal(0, await PersonalDataUpgrade.EncryptLegacyAsync(d)); // run again: nothing left
        }
        await app.WithDb(async d =>
        {
            var protector = d.Protector();
            var w = await d.Workers.AsNoTracking().SingleAsync(x => x.Id == worker);
            Assert.Equal(idNumber, w.IdNumber);
            Assert.Equal(Worker.HashOf(protector, idNumber), w.IdNumberHash);
            Assert.Null(await d.Workers.Where(x => x.Id == worker).Select(x => EF.Property<string?>(x, PersonalDataUpgrade.Legacy)).SingleAsync());
            Assert.Equal(phone, (await d.Users.AsNoTracking().SingleAsync(u => u.UserName == "bureau")).PhoneNumber);
            // The trail of the upgrade shows that the value moved, never the value.
            var trail = string.Join("\n", await d.AuditEntries.AsNoTracking().Where(e => e.EntityId == worker.ToString()).Select(e => e.Before + e.After).ToListAsync());
            Assert.DoesNotContain(idNumber, trail);
            return 0;
        });
        // And the reveal reads it again.
        var revealed = await (await bureau.PostJson($"/api/v1/workers/{worker}/reveal", new { reason = "核对升级后的证件号码" })).ReadJson();
        Assert.Equal(idNumber, revealed.GetProperty("idNumber").GetString());
    }

    [Fact]
    public void A_staff_ciphertext_is_bound_to_its_record_and_field()
    {
        var protector = TestApp.For("Sqlite").Services.GetRequiredService<RecipientProtector>();
        var a = new Worker { IdNumber = WorkerTestData.Id("1990-01-01") };
        a.Protect(protector);
        var b = new Worker { IdNumberCipher = a.IdNumberCipher };
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => b.Unprotect(protector));
        // Equal numbers of a worker and a volunteer do not share a hash (each kind its own purpose).
        var v = new Volunteer { IdType = IdentityDocumentType.ResidentId, IdNumber = a.IdNumber };
        v.Protect(protector);
        Assert.NotEqual(a.IdNumberHash, v.IdNumberHash);
        Assert.NotNull(IdNumber.TryParse(a.IdNumber, out _));
    }
}

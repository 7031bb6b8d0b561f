using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Audit;

namespace SocialWorkStation.Web.Features.Recipients;

/// <summary>
/// Key rotation (docs/recipients.md): re-encrypts every protected value under the active key and
/// recomputes the keyed hashes with the current index key. Run after adding a new key to
/// RecipientProtection:Keys and making it ActiveKeyId on every node; the old key can be removed once this
/// has finished. Rows are rewritten one by one with a version check, so users may keep working, and a run
/// that stops half-way is simply run again.
/// </summary>
public static class RotateRecipientKey
{
    public sealed record Result(int Recipients, int Imports, int CaseNotes = 0, int StaffRecords = 0, int Complaints = 0);

    public static async Task<Result> Handle(AppDbContext db, RecipientProtector protector, AuditLog audit, Action<int>? progress, CancellationToken ct)
    {
        var count = 0;
        Guid? after = null;
        while (true)
        {
            var q = db.Recipients.AsNoTracking().Include(r => r.Guardians).OrderBy(r => r.Id).AsQueryable();
            if (after is { } a)
            {
                q = q.Where(r => r.Id.CompareTo(a) > 0);
            }
            var batch = await q.Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var r in batch)
            {
                await Rewrite(db, protector, r, ct);
                count++;
            }
            after = batch[^1].Id;
            progress?.Invoke(count);
        }
        var imports = 0;
        foreach (var import in await db.RosterImports.AsNoTracking().Where(x => x.FileCipher != null).Select(x => new { x.Id, x.FileCipher }).ToListAsync(ct))
        {
            var file = protector.Encrypt(protector.Decrypt(import.FileCipher!, ImportRoster.Context(import.Id)), ImportRoster.Context(import.Id));
            imports += await db.RosterImports.Where(x => x.Id == import.Id && x.FileCipher != null).ExecuteUpdateAsync(s => s.SetProperty(x => x.FileCipher, file), ct);
        }
        // Case notes (个案记录) are encrypted with the same keys, so they move to the new key too.
        var notes = 0;
        foreach (var c in await db.Set<Cases.Case>().AsNoTracking().Where(x => x.NotesCipher != null).Select(x => new { x.Id, x.NotesCipher }).ToListAsync(ct))
        {
            var context = Cases.Case.NotesContext(c.Id);
            var cipher = protector.Encrypt(protector.Decrypt(c.NotesCipher!, context), context);
            notes += await db.Set<Cases.Case>().Where(x => x.Id == c.Id && x.NotesCipher == c.NotesCipher).ExecuteUpdateAsync(s => s.SetProperty(x => x.NotesCipher, cipher), ct);
        }
        // A complainant's name and phone (投诉建议) are encrypted with the same keys.
        var complaints = 0;
        foreach (var c in await db.Set<Complaints.Complaint>().AsNoTracking().Where(x => x.NameCipher != null || x.PhoneCipher != null).Select(x => new { x.Id, x.NameCipher, x.PhoneCipher }).ToListAsync(ct))
        {
            byte[]? Re(byte[]? blob, string field) => blob is null ? null : protector.Encrypt(protector.Decrypt(blob, Complaints.Complaint.Context(c.Id, field)), Complaints.Complaint.Context(c.Id, field));
            var name = Re(c.NameCipher, "name");
            var phone = Re(c.PhoneCipher, "phone");
            complaints += await db.Set<Complaints.Complaint>().Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.NameCipher, name).SetProperty(x => x.PhoneCipher, phone), ct);
        }
        // Workers', volunteers', teams' and accounts' personal data share the keys too (docs/security.md).
        var staff = await Reseal(db, protector, db.Workers, w => w.Id, ct) + await Reseal(db, protector, db.Set<Volunteers.Volunteer>(), v => v.Id, ct)
            + await Reseal(db, protector, db.Set<Volunteers.VolunteerTeam>(), t => t.Id, ct) + await Reseal(db, protector, db.Users, u => u.Id, ct);
        await audit.WriteAsync("rotateKey", nameof(Recipient), null, $"服务对象加密密钥轮换：{count} 名服务对象、{imports} 份待导入名单、{notes} 份个案记录、{complaints} 条投诉建议的联系方式、{staff} 条社工、志愿者和账号记录已改用密钥 {protector.ActiveKeyId} 加密，并重算检索哈希", ct: ct);
        return new Result(count, imports, notes, staff, complaints);
    }

    private static async Task<int> Reseal<T, TKey>(AppDbContext db, RecipientProtector p, IQueryable<T> set, System.Linq.Expressions.Expression<Func<T, TKey>> key, CancellationToken ct)
        where T : class, Infrastructure.IProtectedPersonalData
    {
        var done = 0;
        while (true)
        {
            var batch = await set.OrderBy(key).Skip(done).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return done;
            }
            foreach (var x in batch)
            {
                x.Protect(p, force: true);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += batch.Count;
        }
    }

    private static async Task Rewrite(AppDbContext db, RecipientProtector p, Recipient r, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            string Re(byte[] blob, string field) => Convert.ToBase64String(p.Encrypt(p.Decrypt(blob, Recipient.Context(r.Id, field)), Recipient.Context(r.Id, field)));
            var id = RecipientMapper.IdNumber(r, p);
            var birth = p.Encrypt(p.Decrypt(r.BirthDateCipher, Recipient.Context(r.Id, "birthDate")), Recipient.Context(r.Id, "birthDate"));
            var idCipher = p.Encrypt(id, Recipient.Context(r.Id, "idNumber"));
            var phone = r.PhoneCipher is null ? null : Convert.FromBase64String(Re(r.PhoneCipher, "phone"));
            var sensitive = r.SensitiveCipher is null ? null : Convert.FromBase64String(Re(r.SensitiveCipher, "sensitive"));
            var idHash = p.IdHash(id);
            var tailHash = p.TailHash(id);
            var version = r.Version;
            var updated = await db.Recipients.Where(x => x.Id == r.Id && x.Version == version).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.BirthDateCipher, birth).SetProperty(x => x.IdNumberCipher, idCipher)
                .SetProperty(x => x.PhoneCipher, phone).SetProperty(x => x.SensitiveCipher, sensitive)
                .SetProperty(x => x.IdNumberHash, idHash).SetProperty(x => x.IdTailHash, tailHash), ct);
            if (updated == 1)
            {
                foreach (var g in r.Guardians.Where(g => g.PhoneCipher is not null))
                {
                    var gp = Convert.FromBase64String(Re(g.PhoneCipher!, "guardianPhone"));
                    await db.Set<RecipientGuardian>().Where(x => x.Id == g.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.PhoneCipher, gp), ct);
                }
                return;
            }
            // Someone saved the record meanwhile (with the new key already): read it again.
            var fresh = await db.Recipients.AsNoTracking().Include(x => x.Guardians).FirstOrDefaultAsync(x => x.Id == r.Id, ct);
            if (fresh is null)
            {
                return;
            }
            r = fresh;
        }
        throw new InvalidOperationException($"Recipient {r.Id} kept changing during key rotation; run the command again.");
    }

    /// <summary>The operator command: `rotate-recipient-key [new-key | new-index-key]`.</summary>
    public static async Task RunCommand(IServiceProvider services, string[] args)
    {
        var options = services.GetRequiredService<IOptions<RecipientProtectionOptions>>().Value;
        var env = services.GetRequiredService<IHostEnvironment>();
        var clock = services.GetRequiredService<TimeProvider>();
        var what = args.FirstOrDefault();
        if (what is not (null or "new-key" or "new-index-key"))
        {
            Console.Error.WriteLine("用法: rotate-recipient-key [new-key | new-index-key]");
            Environment.ExitCode = 2;
            return;
        }
        RecipientProtector protector;
        if (what is not null)
        {
            if (!options.UsingDevelopmentKeys)
            {
                var id = "k" + clock.GetUtcNow().ToString("yyyyMMddHHmm");
                Console.WriteLine(what == "new-key"
                    ? $"新密钥（只显示这一次）：RecipientProtection:Keys:{id} = {DevelopmentKeys.NewKey()}\n请在每个节点的配置中加入它、把 RecipientProtection:ActiveKeyId 设为 {id} 并重启，然后运行 rotate-recipient-key（不带参数）。旧密钥待命令完成后再删除。"
                    : $"新检索密钥（只显示这一次）：RecipientProtection:IndexKey = {DevelopmentKeys.NewKey()}\n请停止所有节点、替换 IndexKey，先运行 rotate-recipient-key（不带参数）重算检索哈希，再启动各节点。");
                return;
            }
            var path = DevelopmentKeys.PathOf(env, options);
            var file = DevelopmentKeys.ReadOrCreate(path, clock);
            if (what == "new-key")
            {
                var id = "dev-" + clock.GetUtcNow().ToString("yyyyMMddHHmmss");
                file.Keys[id] = DevelopmentKeys.NewKey();
                file = file with { ActiveKeyId = id };
            }
            else
            {
                file = file with { IndexKey = DevelopmentKeys.NewKey() };
            }
            DevelopmentKeys.Write(path, file);
            protector = new RecipientProtector(Options.Create(new RecipientProtectionOptions { ActiveKeyId = file.ActiveKeyId, Keys = file.Keys, IndexKey = file.IndexKey }));
            Console.WriteLine($"开发密钥文件 {path} 已更新（当前密钥 {file.ActiveKeyId}）。");
        }
        else
        {
            protector = services.GetRequiredService<RecipientProtector>();
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var result = await Handle(db, protector, scope.ServiceProvider.GetRequiredService<AuditLog>(), n => Console.Write($"\r已处理 {n} 人"), CancellationToken.None);
        Console.WriteLine($"\n完成：{result.Recipients} 名服务对象、{result.Imports} 份待导入名单已改用密钥 {protector.ActiveKeyId}。");
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Recipients;

public sealed record RosterImportDto(
    Guid Id, Guid StationId, string Category, string FileName, string Status, string StatusText, int Total, int Processed, int Percent,
    IReadOnlyList<string> Headers, IReadOnlyDictionary<string, string>? Mapping, IReadOnlyDictionary<string, string> SuggestedMapping,
    int ProblemCount, IReadOnlyList<RosterProblem> Problems, RosterDiff? Diff, string? Error, string CreatedBy, DateTime CreatedAt, DateTime? FinishedAt);

public sealed record MappingInput(Dictionary<string, string>? Mapping);

/// <summary>
/// Roster import (低保/特困名单): upload an .xlsx, map its columns (remembered per station), let a background
/// job check every row and compute who is new, changed and gone, then confirm: a second job writes it all in
/// one transaction. A row with a problem blocks the whole import (all or nothing); the same roster again
/// changes nothing; a recipient on the previous roster but not on this one loses that category.
/// </summary>
public static class ImportRoster
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const long MaxBytes = 20 * 1024 * 1024;
    public const int MaxRows = 100_000;
    public const int MaxProblems = 1000;
    public const int BatchSize = 500;

    /// <summary>The fields a column can be mapped to, with their Chinese labels; name and idNumber are required.</summary>
    public static readonly IReadOnlyList<(string Field, string Label, bool Required)> Fields =
    [
        ("name", "姓名", true), ("idNumber", "身份证号码", true), ("phone", "联系电话", false),
        ("address", "家庭住址", false), ("village", "所在村（社区）", false),
    ];

    // --- use cases called by the API and the pages ---

    public static async Task<RosterImportDto> Upload(AppDbContext db, RecipientProtector protector, AuditLog audit, TimeProvider clock,
        System.Security.Claims.ClaimsPrincipal user, Guid? stationId, string? category, string? fileName, Stream content, CancellationToken ct)
    {
        var scope = user.Scope();
        var errors = new Errors();
        var station = stationId ?? scope.StationId;
        if (station is null) errors.Add("stationId", "请选择导入到哪个站点");
        else if (!await db.Platforms.VisibleTo(scope).AnyAsync(p => p.Id == station, ct)) errors.Add("stationId", "站点不存在或不在您的权限范围内");
        var cat = RecipientCategories.FromApi(category);
        if (cat is null) errors.Add("category", "请选择名单类别，如 dibao（低保）、tekunDispersed（特困分散供养）");
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length == 0) errors.Add("file", "请选择要导入的 Excel 文件（.xlsx）");
        else if (buffer.Length > MaxBytes) errors.Add("file", "文件不能超过20MB");
        List<string> headers = [];
        if (buffer.Length is > 0 and <= MaxBytes)
        {
            try
            {
                buffer.Position = 0;
                headers = MiniExcel.GetColumns(buffer, useHeaderRow: true, excelType: ExcelType.XLSX)?.Select(h => h?.ToString()?.Trim() ?? "").Where(h => h.Length > 0).ToList() ?? [];
                if (headers.Count == 0) errors.Add("file", "表格第一行应为列名（如 姓名、身份证号码），但第一行是空的");
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or NotSupportedException or IndexOutOfRangeException or KeyNotFoundException or ArgumentException)
            {
                errors.Add("file", "无法读取该文件，请上传 Excel 2007 及以上格式（.xlsx）的名单");
            }
        }
        errors.ThrowIfAny();
        var import = new RosterImport
        {
            StationId = station!.Value, Category = cat!.Value, FileName = Path.GetFileName(fileName ?? "名单.xlsx"),
            HeadersJson = JsonSerializer.Serialize(headers), Status = RosterImportStatus.Uploaded,
            CreatedBy = user.Identity?.Name ?? "", CreatedById = user.UserId(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        import.FileCipher = protector.Encrypt(Convert.ToBase64String(buffer.ToArray()), Context(import.Id));
        db.RosterImports.Add(import);
        audit.Add("import", nameof(RosterImport), import.Id.ToString(), $"上传{RecipientCategories.Chinese(cat.Value)}名单 {import.FileName}");
        await db.SaveChangesAsync(ct);
        return await Get(db, scope, import.Id, ct);
    }

    public static async Task<RosterImportDto> SetMapping(AppDbContext db, AuditLog audit, TimeProvider clock, UserScope scope, Guid id, MappingInput input, CancellationToken ct)
    {
        var import = await Load(db, scope, id, ct);
        if (import.Status is not (RosterImportStatus.Uploaded or RosterImportStatus.Checked))
        {
            throw new ConflictException("该名单正在处理或已经导入，不能再修改列对应关系");
        }
        var headers = JsonSerializer.Deserialize<List<string>>(import.HeadersJson) ?? [];
        var mapping = (input.Mapping ?? []).Where(m => !string.IsNullOrWhiteSpace(m.Value)).ToDictionary(m => m.Key, m => m.Value.Trim());
        var errors = new Errors();
        foreach (var (field, label, required) in Fields)
        {
            if (mapping.TryGetValue(field, out var column))
            {
                if (!headers.Contains(column)) errors.Add($"mapping.{field}", $"表格中没有名为 “{column}” 的列");
            }
            else if (required)
            {
                errors.Add($"mapping.{field}", $"请指定哪一列是{label}");
            }
        }
        foreach (var key in mapping.Keys.Where(k => Fields.All(f => f.Field != k)))
        {
            errors.Add($"mapping.{key}", "不认识的字段");
        }
        errors.ThrowIfAny();
        import.MappingJson = JsonSerializer.Serialize(mapping);
        import.Status = RosterImportStatus.QueuedCheck;
        import.Processed = 0;
        import.ProblemsJson = null;
        import.DiffJson = null;
        var remembered = await db.RosterMappings.FirstOrDefaultAsync(m => m.StationId == import.StationId, ct);
        if (remembered is null)
        {
            db.RosterMappings.Add(remembered = new RosterMapping { StationId = import.StationId });
        }
        remembered.MappingJson = import.MappingJson;
        remembered.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return await Get(db, scope, id, ct);
    }

    public static async Task<RosterImportDto> Confirm(AppDbContext db, AuditLog audit, UserScope scope, Guid id, CancellationToken ct)
    {
        var import = await Load(db, scope, id, ct);
        if (import.Status != RosterImportStatus.Checked)
        {
            throw new ConflictException(import.Status is RosterImportStatus.Applied or RosterImportStatus.QueuedApply or RosterImportStatus.Applying
                ? "该名单已确认导入" : "名单尚未检查完毕，请等待预览结果");
        }
        if (import.ProblemCount > 0)
        {
            throw new BusinessRuleException($"名单中有 {import.ProblemCount} 处问题，请在 Excel 中修正后重新上传；为避免只导入一部分，有问题的名单不会导入");
        }
        import.Status = RosterImportStatus.QueuedApply;
        import.Processed = 0;
        audit.Add("import", nameof(RosterImport), import.Id.ToString(), "确认导入名单 " + import.FileName);
        await db.SaveChangesAsync(ct);
        return await Get(db, scope, id, ct);
    }

    public static async Task<RosterImportDto> Get(AppDbContext db, UserScope scope, Guid id, CancellationToken ct)
    {
        var import = await Load(db, scope, id, ct, tracking: false);
        var remembered = await db.RosterMappings.AsNoTracking().Where(m => m.StationId == import.StationId).Select(m => m.MappingJson).FirstOrDefaultAsync(ct);
        return ToDto(import, remembered);
    }

    public static async Task<Paged<RosterImportDto>> List(AppDbContext db, UserScope scope, PageRequest page, CancellationToken ct)
    {
        var visible = db.Platforms.VisibleTo(scope).Select(p => p.Id);
        var result = await db.RosterImports.AsNoTracking().Where(x => visible.Contains(x.StationId))
            .OrderByDescending(x => x.CreatedAt).ToPageAsync(page, ct);
        return new Paged<RosterImportDto>(result.Items.Select(x => ToDto(x, null)).ToList(), result.Total, result.Page, result.PageSize);
    }

    private static async Task<RosterImport> Load(AppDbContext db, UserScope scope, Guid id, CancellationToken ct, bool tracking = true)
    {
        var visible = db.Platforms.VisibleTo(scope).Select(p => p.Id);
        var q = db.RosterImports.Where(x => x.Id == id && visible.Contains(x.StationId));
        if (!tracking) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(ct) ?? throw new NotFoundException("导入记录不存在或不在您的权限范围内");
    }

    public static string StatusText(RosterImportStatus s) => s switch
    {
        RosterImportStatus.Uploaded => "已上传，请指定各列的含义",
        RosterImportStatus.QueuedCheck => "排队等待检查",
        RosterImportStatus.Checking => "正在逐行检查",
        RosterImportStatus.Checked => "检查完毕，请核对后确认导入",
        RosterImportStatus.QueuedApply => "排队等待导入",
        RosterImportStatus.Applying => "正在导入",
        RosterImportStatus.Applied => "导入完成",
        _ => "导入失败，未写入任何数据",
    };

    private static RosterImportDto ToDto(RosterImport x, string? rememberedMapping)
    {
        var headers = JsonSerializer.Deserialize<List<string>>(x.HeadersJson) ?? [];
        var mapping = x.MappingJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(x.MappingJson);
        var remembered = rememberedMapping is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(rememberedMapping);
        var percent = x.Status is RosterImportStatus.Applied or RosterImportStatus.Checked ? 100 : x.Total == 0 ? 0 : (int)Math.Min(99, 100L * x.Processed / x.Total);
        return new RosterImportDto(x.Id, x.StationId, RecipientCategories.ToApi(x.Category), x.FileName, RecipientNames.Api(x.Status), StatusText(x.Status),
            x.Total, x.Processed, percent, headers, mapping, Suggest(headers, remembered), x.ProblemCount,
            x.ProblemsJson is null ? [] : JsonSerializer.Deserialize<List<RosterProblem>>(x.ProblemsJson) ?? [],
            x.DiffJson is null ? null : JsonSerializer.Deserialize<RosterDiff>(x.DiffJson), x.Error, x.CreatedBy, x.CreatedAt, x.FinishedAt);
    }

    /// <summary>The station's remembered mapping where its columns are present, otherwise a guess from the column names.</summary>
    public static Dictionary<string, string> Suggest(IReadOnlyList<string> headers, IReadOnlyDictionary<string, string>? remembered)
    {
        var result = new Dictionary<string, string>();
        foreach (var (field, _, _) in Fields)
        {
            if (remembered is not null && remembered.TryGetValue(field, out var col) && headers.Contains(col))
            {
                result[field] = col;
                continue;
            }
            var guess = field switch
            {
                "name" => headers.FirstOrDefault(h => h is "姓名" or "对象姓名" or "保障对象姓名" or "成员姓名" or "户主姓名") ?? headers.FirstOrDefault(h => h.Contains("姓名")),
                "idNumber" => headers.FirstOrDefault(h => h.Contains("身份证") || h.Contains("证件号")),
                "phone" => headers.FirstOrDefault(h => h.Contains("电话") || h.Contains("手机")),
                "address" => headers.FirstOrDefault(h => h.Contains("地址") || h.Contains("住址")),
                "village" => headers.FirstOrDefault(h => h.Contains("村") || h.Contains("社区") || h.Contains("居委")),
                _ => null,
            };
            if (guess is not null) result[field] = guess;
        }
        return result;
    }

    public static string Context(Guid importId) => $"rosterImport/{importId:N}/file";

    // --- the background job's work ---

    public sealed record Row(int Number, string Name, IdNumber Id, string Hash, string? Phone, string? Address, string? VillageCode);

    private sealed record Existing(Guid Id, string Name, string IdNumberHash, byte[]? PhoneCipher, string? Address, string? VillageCode, long CategoryMask, long RosterMask);

    public sealed record Plan(List<Row> Rows, List<RosterProblem> Problems, int ProblemCount, RosterDiff Diff, List<(Row Row, Guid? ExistingId)> Writes, List<Guid> Left);

    /// <summary>Parses and checks every row and compares the roster with the station's register. Reports progress as it goes.</summary>
    public static async Task<Plan> Check(AppDbContext db, RecipientProtector protector, TimeProvider clock, RosterImport import, Func<int, int, Task> progress, CancellationToken ct)
    {
        var mapping = JsonSerializer.Deserialize<Dictionary<string, string>>(import.MappingJson!)!;
        var bytes = Convert.FromBase64String(protector.Decrypt(import.FileCipher!, Context(import.Id)));
        var sheet = new List<IDictionary<string, object?>>();
        using (var stream = new MemoryStream(bytes))
        {
            foreach (IDictionary<string, object?> r in await stream.QueryAsync(useHeaderRow: true, excelType: ExcelType.XLSX, cancellationToken: ct))
            {
                sheet.Add(r);
                if (sheet.Count > MaxRows) break;
            }
        }
        var total = sheet.Count;
        await progress(0, total);
        var today = ChinaTime.Today(clock);
        var stationRegion = await db.Platforms.Where(p => p.Id == import.StationId).Select(p => p.RegionCode).FirstAsync(ct);
        var villages = await db.Regions.AsNoTracking()
            .Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(stationRegion))
            .Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        var problems = new List<RosterProblem>();
        var problemCount = 0;
        void Problem(int row, string? column, string message)
        {
            problemCount++;
            if (problems.Count < MaxProblems) problems.Add(new RosterProblem(row, column, message));
        }
        if (total > MaxRows) Problem(MaxRows + 2, null, $"一次最多导入{MaxRows}行，请拆分名单");

        string? Text(IDictionary<string, object?> row, string field) =>
            mapping.TryGetValue(field, out var col) && row.TryGetValue(col, out var v) && v is not null ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)?.Trim() : null;

        var rows = new List<Row>();
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < sheet.Count && i < MaxRows; i++)
        {
            ct.ThrowIfCancellationRequested();
            var number = i + 2; // row 1 holds the column names
            var raw = sheet[i];
            if (raw.Values.All(v => v is null || string.IsNullOrWhiteSpace(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))))
            {
                continue;
            }
            var ok = true;
            var name = Text(raw, "name");
            if (string.IsNullOrWhiteSpace(name)) { Problem(number, mapping["name"], "姓名为空"); ok = false; }
            else if (name.Length > 50) { Problem(number, mapping["name"], "姓名超过50个字"); ok = false; }
            IdNumber? id = null;
            if (mapping.TryGetValue("idNumber", out var idCol) && raw.TryGetValue(idCol, out var idValue) && idValue is double or decimal or long or int)
            {
                Problem(number, idCol, "身份证号码被 Excel 存成了数字，末几位可能已丢失：请把该列设为“文本”格式并重新填写");
                ok = false;
            }
            else
            {
                id = IdNumber.TryParse(Text(raw, "idNumber"), out var idError, notAfter: today);
                if (id is null) { Problem(number, mapping["idNumber"], idError!); ok = false; }
                else if (seen.TryGetValue(id.Value, out var firstRow)) { Problem(number, mapping["idNumber"], $"与第{firstRow}行的身份证号码重复"); ok = false; }
                else seen[id.Value] = number;
            }
            var phone = Text(raw, "phone");
            if (!string.IsNullOrEmpty(phone) && (phone.Length > 30 || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ')))
            {
                Problem(number, mapping["phone"], "电话只能包含数字、空格、+ 和 -"); ok = false;
            }
            var address = Text(raw, "address");
            if (address is { Length: > 200 }) { Problem(number, mapping["address"], "地址超过200个字"); ok = false; }
            string? villageCode = null;
            var village = Text(raw, "village");
            if (!string.IsNullOrEmpty(village))
            {
                villageCode = village.All(char.IsAsciiDigit)
                    ? villages.FirstOrDefault(v => v.Code == village)?.Code
                    : villages.FirstOrDefault(v => v.Name == village)?.Code ?? villages.FirstOrDefault(v => village.EndsWith(v.Name, StringComparison.Ordinal))?.Code;
                if (villageCode is null) { Problem(number, mapping["village"], $"本站所在乡镇没有名为 “{village}” 的村（社区）"); ok = false; }
            }
            if (ok)
            {
                rows.Add(new Row(number, name!.Trim(), id!, protector.IdHash(id!.Value), string.IsNullOrEmpty(phone) ? null : phone, string.IsNullOrEmpty(address) ? null : address, villageCode));
            }
            if ((i + 1) % BatchSize == 0) await progress(i + 1, total);
        }

        var bit = 1L << (int)import.Category;
        var existing = await db.Recipients.AsNoTracking().Where(r => r.StationId == import.StationId)
            .Select(r => new Existing(r.Id, r.Name, r.IdNumberHash, r.PhoneCipher, r.Address, r.VillageCode, r.CategoryMask, r.RosterMask))
            .ToListAsync(ct);
        var byHash = existing.ToDictionary(e => e.IdNumberHash);
        var writes = new List<(Row, Guid?)>();
        var newEntries = new List<RosterDiffEntry>();
        var changedEntries = new List<RosterDiffEntry>();
        var unchanged = 0;
        foreach (var row in rows)
        {
            if (!byHash.TryGetValue(row.Hash, out var e))
            {
                writes.Add((row, null));
                newEntries.Add(new RosterDiffEntry(row.Number, null, Masking.Name(row.Name), null));
                continue;
            }
            var changes = new List<string>();
            if (e.Name != row.Name) changes.Add("姓名");
            if (mapping.ContainsKey("phone") && row.Phone != protector.DecryptOrNull(e.PhoneCipher, Recipient.Context(e.Id, "phone"))) changes.Add("电话");
            if (mapping.ContainsKey("address") && row.Address != e.Address) changes.Add("地址");
            if (mapping.ContainsKey("village") && row.VillageCode != e.VillageCode) changes.Add("所在村");
            if ((e.CategoryMask & bit) == 0 || (e.RosterMask & bit) == 0) changes.Add("列入" + RecipientCategories.Chinese(import.Category));
            if (changes.Count == 0)
            {
                unchanged++;
                continue;
            }
            writes.Add((row, e.Id));
            changedEntries.Add(new RosterDiffEntry(row.Number, e.Id, Masking.Name(row.Name), string.Join("、", changes)));
        }
        var inFile = rows.Select(r => r.Hash).ToHashSet();
        var left = existing.Where(e => (e.RosterMask & bit) != 0 && !inFile.Contains(e.IdNumberHash)).ToList();
        var diff = new RosterDiff(newEntries.Count, changedEntries.Count, unchanged, left.Count,
            newEntries.Take(MaxProblems).ToList(), changedEntries.Take(MaxProblems).ToList(),
            left.Take(MaxProblems).Select(e => new RosterDiffEntry(null, e.Id, Masking.Name(e.Name), "不在本次名单中，将取消" + RecipientCategories.Chinese(import.Category))).ToList());
        await progress(total, total);
        return new Plan(rows, problems, problemCount, diff, writes, left.Select(e => e.Id).ToList());
    }

    /// <summary>Writes the plan in one transaction: nothing is written unless everything is.</summary>
    public static async Task<int> Apply(AppDbContext db, RecipientProtector protector, AuditLog audit, TimeProvider clock, RosterImport import, Plan plan,
        Func<int, int, Task> progress, CancellationToken ct)
    {
        if (plan.ProblemCount > 0)
        {
            throw new BusinessRuleException($"名单中有 {plan.ProblemCount} 处问题，未导入");
        }
        var bit = 1L << (int)import.Category;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        var total = plan.Writes.Count + plan.Left.Count;
        var done = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var batch in plan.Writes.Chunk(BatchSize))
        {
            var ids = batch.Where(w => w.ExistingId is not null).Select(w => w.ExistingId!.Value).ToList();
            var loaded = await db.Recipients.Include(r => r.NameKeys).Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
            foreach (var (row, existingId) in batch)
            {
                var r = existingId is { } eid ? loaded[eid] : null;
                if (r is null)
                {
                    r = new Recipient { StationId = import.StationId, CreatedAt = now, RegisteredOn = today };
                    RecipientFields.SetIdentity(r, row.Id, protector);
                    db.Recipients.Add(r);
                }
                RecipientFields.SetName(r, row.Name);
                if (row.Phone is not null || r.PhoneCipher is null)
                {
                    if (row.Phone != RecipientMapper.Phone(r, protector)) RecipientFields.SetPhone(r, row.Phone, protector);
                }
                if (row.Address is not null) r.Address = row.Address;
                if (row.VillageCode is not null) r.VillageCode = row.VillageCode;
                r.CategoryMask |= bit;
                r.RosterMask |= bit;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += batch.Length;
            await progress(done, total);
        }
        foreach (var batch in plan.Left.Chunk(BatchSize))
        {
            var ids = batch.ToList();
            foreach (var r in await db.Recipients.Where(r => ids.Contains(r.Id)).ToListAsync(ct))
            {
                r.CategoryMask &= ~bit;
                r.RosterMask &= ~bit;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += batch.Length;
            await progress(done, total);
        }
        audit.Add("import", nameof(RosterImport), import.Id.ToString(),
            $"导入{RecipientCategories.Chinese(import.Category)}名单 {import.FileName}：新增 {plan.Diff.New} 人，更新 {plan.Diff.Changed} 人，未变 {plan.Diff.Unchanged} 人，移出 {plan.Diff.Left} 人");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return done;
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Domain.Volunteers;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Volunteers;

/// <summary>
/// Proofs of volunteer service (志愿服务证明) and the Excel export of volunteers and hours. A proof carries
/// what order No. 67 names: the volunteer's name, ID type and number, volunteer number, hours and
/// content, the issuer, its person in charge and contact, the proof number and date. Both carry personal
/// data and are written to the audit trail.
/// </summary>
public static class ProofUseCases
{
    public static async Task<ProofDto> Issue(AppDbContext db, AuditLog audit, TimeProvider clock, System.Security.Claims.ClaimsPrincipal user, Guid volunteerId, ProofInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var v = await VolunteerUseCases.Load(db, scope, volunteerId, ct);
        var today = ChinaTime.Today(clock);
        var errors = new Errors();
        var from = StationRecords.ParseDate(errors, "from", input.From, "证明起始日期", required: false) ?? v.RegisteredOn;
        var to = StationRecords.ParseDate(errors, "to", input.To, "证明截止日期", required: false, notAfter: today) ?? today;
        if (to < from) errors.Add("to", "截止日期不能早于起始日期");
        errors.Required("personInCharge", input.PersonInCharge, "负责人").MaxLength("personInCharge", input.PersonInCharge, 50, "负责人")
            .Required("contact", input.Contact, "联系方式").MaxLength("contact", input.Contact, 50, "联系方式")
            .MaxLength("issuer", input.Issuer, 100, "出具单位").MaxLength("handler", input.Handler, 50, "经办人");
        errors.ThrowIfAny();
        var station = await db.Platforms.AsNoTracking().FirstAsync(p => p.Id == v.StationId, ct);
        var services = await db.Set<VolunteerService>().AsNoTracking()
            .Where(s => s.VolunteerId == v.Id && s.Date >= from && s.Date <= to).OrderBy(s => s.Date).ToListAsync(ct);
        if (services.Count == 0)
        {
            throw new BusinessRuleException($"{from:yyyy-MM-dd}至{to:yyyy-MM-dd}没有该志愿者的服务记录，不能出具证明（“谁记录谁证明”）", "from");
        }
        var themes = await Themes(db, services, ct);
        var content = string.Join("\n", services.Select(s =>
            $"{s.Date:yyyy-MM-dd} {(s.ActivityId is { } a && themes.TryGetValue(a, out var t) ? t + "：" : "")}{s.Content}（{VolunteerHours.ToHours(s.Minutes).ToString(CultureInfo.InvariantCulture)}小时）"));
        // Training and awards are not among the proof's fields (order No. 67); the issuer may state those of the period as other matters.
        string? remarks = null;
        if (input.ListTrainingAndAwards == true)
        {
            var trainings = v.Trainings.Where(t => t.Date >= from && t.Date <= to).OrderBy(t => t.Date).Select(TrainingAwardUseCases.Line).ToList();
            var awards = v.Awards.Where(a => a.Date >= from && a.Date <= to).OrderBy(a => a.Date).Select(TrainingAwardUseCases.Line).ToList();
            remarks = string.Join("\n", new[]
            {
                trainings.Count == 0 ? "培训情况：本期间无记录" : "培训情况：" + string.Join("；", trainings),
                awards.Count == 0 ? "表彰奖励情况：本期间无记录" : "表彰奖励情况：" + string.Join("；", awards),
            });
        }
        var year = today.Year;
        var prefix = $"{station.RegionCode}-{year}-";
        var sequence = await db.Set<VolunteerProof>().CountAsync(p => p.Number.StartsWith(prefix), ct) + 1;
        var proof = new VolunteerProof
        {
            StationId = v.StationId, VolunteerId = v.Id, Number = $"{prefix}{sequence:0000}", IssuedOn = today, From = from, To = to,
            Minutes = services.Sum(s => s.Minutes), ServiceCount = services.Count, Content = content,
            Issuer = StationRecords.Clean(input.Issuer) ?? station.Name, PersonInCharge = input.PersonInCharge!.Trim(), Contact = input.Contact!.Trim(),
            Handler = StationRecords.Clean(input.Handler), Remarks = remarks, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.Identity?.Name,
        };
        db.Add(proof);
        audit.Add("export", nameof(VolunteerProof), proof.Id.ToString(), $"出具志愿服务证明 {proof.Number}（含完整证件号码）");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("证明编号冲突（他人同时出具了证明），请重新提交。");
        }
        return ToDto(proof, v);
    }

    public static async Task<IReadOnlyList<ProofDto>> List(AppDbContext db, UserScope scope, Guid volunteerId, CancellationToken ct)
    {
        var v = await VolunteerUseCases.Load(db, scope, volunteerId, ct);
        var proofs = await db.Set<VolunteerProof>().AsNoTracking().Where(p => p.VolunteerId == v.Id).OrderByDescending(p => p.IssuedOn).ThenByDescending(p => p.Number).ToListAsync(ct);
        // Lists show the number masked; one proof (to print) shows it in full and is audited.
        return proofs.Select(p => ToDto(p, v) with { IdNumber = IdNumber.MaskBesideBirthDate(v.IdNumber) }).ToList();
    }

    public static async Task<ProofDto> Get(AppDbContext db, AuditLog audit, UserScope scope, Guid volunteerId, Guid proofId, CancellationToken ct)
    {
        var v = await VolunteerUseCases.Load(db, scope, volunteerId, ct);
        var proof = await db.Set<VolunteerProof>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == proofId && p.VolunteerId == v.Id, ct)
            ?? throw new NotFoundException("志愿服务证明不存在或不在您的权限范围内");
        await audit.WriteAsync("export", nameof(VolunteerProof), proof.Id.ToString(), $"查看/打印志愿服务证明 {proof.Number}（含完整证件号码）", ct: ct);
        return ToDto(proof, v);
    }

    private static ProofDto ToDto(VolunteerProof p, Volunteer v) => new(
        p.Id, v.Id, p.Number, p.IssuedOn.ToString("yyyy-MM-dd"), p.From.ToString("yyyy-MM-dd"), p.To.ToString("yyyy-MM-dd"), v.Name,
        IdentityDocuments.ToApi(v.IdType), IdentityDocuments.Chinese(v.IdType), v.IdNumber, v.VolunteerNumber, VolunteerHours.ToHours(p.Minutes),
        p.ServiceCount, p.Content, p.Issuer, p.PersonInCharge, p.Contact, p.Handler, p.CreatedBy, p.Remarks);

    private static async Task<Dictionary<Guid, string>> Themes(AppDbContext db, IEnumerable<VolunteerService> services, CancellationToken ct)
    {
        var ids = services.Where(s => s.ActivityId is not null).Select(s => s.ActivityId!.Value).Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Set<Activity>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Theme, ct);
    }

    /// <summary>
    /// The station's volunteers (registered by the end of the year) and the year's service records as an
    /// Excel workbook. ID numbers are masked unless the caller may reveal them and gives a reason (for
    /// entry into the national volunteer system); either way the export is audited.
    /// </summary>
    public static async Task<(byte[] Content, string FileName)> Export(AppDbContext db, AuditLog audit, TimeProvider clock, System.Security.Claims.ClaimsPrincipal user,
        Guid? stationId, int? year, bool reveal, string? reason, CancellationToken ct)
    {
        var scope = user.Scope();
        var (from, to) = StationRecords.Year(year, clock);
        var station = await StationRecords.ForQuery(db, scope, stationId, ct);
        reason = StationRecords.Clean(reason);
        if (reveal && !user.Can(Permissions.VolunteersReveal)) throw new VolunteerEndpoints.Forbidden();
        if (reveal && reason is null) throw RequestValidationException.For("reason", "导出完整证件号码须说明原因，将记入审计日志");
        var volunteers = await db.Set<Volunteer>().AsNoTracking().Include(v => v.Teams).ThenInclude(m => m.Team)
            .Include(v => v.Trainings.Where(t => t.Date >= from && t.Date <= to)).Include(v => v.Awards.Where(a => a.Date >= from && a.Date <= to)).AsSplitQuery()
            .Where(v => v.StationId == station.Id && v.RegisteredOn <= to).OrderBy(v => v.RegisteredOn).ThenBy(v => v.Name).ToListAsync(ct);
        var services = await db.Set<VolunteerService>().AsNoTracking().Include(s => s.Volunteer)
            .Where(s => s.StationId == station.Id && s.Date >= from && s.Date <= to).OrderBy(s => s.Date).ThenBy(s => s.Id).ToListAsync(ct);
        var themes = await Themes(db, services, ct);
        var minutes = services.GroupBy(s => s.VolunteerId).ToDictionary(g => g.Key, g => g.Sum(s => s.Minutes));
        string Id(Volunteer v) => reveal ? v.IdNumber : IdNumber.MaskBesideBirthDate(v.IdNumber);

        var roster = volunteers.Select((v, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["姓名"] = ExcelCells.Safe(v.Name),
            ["性别"] = v.Sex switch { Sex.Male => "男", Sex.Female => "女", _ => "" },
            ["证件类型"] = IdentityDocuments.Chinese(v.IdType),
            ["证件号码"] = Id(v),
            ["志愿者编号"] = ExcelCells.Safe(v.VolunteerNumber),
            ["联系电话"] = ExcelCells.Safe(reveal ? v.Phone : Masking.Phone(v.Phone)),
            ["登记日期"] = v.RegisteredOn.ToString("yyyy-MM-dd"),
            ["当年新登记"] = v.RegisteredOn >= from ? "是" : "否",
            ["所属服务队"] = ExcelCells.Safe(string.Join("、", v.Teams.Where(m => m.Team is not null).Select(m => m.Team!.Name))),
            ["服务技能"] = ExcelCells.Safe(v.Skills),
            [$"{from.Year}年服务时长（小时）"] = VolunteerHours.ToHours(minutes.GetValueOrDefault(v.Id)),
            [$"{from.Year}年培训学时"] = v.Trainings.Sum(t => t.Hours),
            [$"{from.Year}年表彰奖励（项）"] = v.Awards.Count,
        }).ToList();
        // The training and award parts of the record (order No. 67 art. 4), one row an entry, for the year.
        var trainingRows = volunteers.SelectMany(v => v.Trainings.Select(t => (v, t))).OrderBy(x => x.t.Date).ThenBy(x => x.v.Name)
            .Select((x, i) => new Dictionary<string, object?>
            {
                ["序号"] = i + 1, ["姓名"] = ExcelCells.Safe(x.v.Name), ["证件号码"] = Id(x.v), ["培训日期"] = x.t.Date.ToString("yyyy-MM-dd"),
                ["培训名称或内容"] = ExcelCells.Safe(x.t.Name), ["学时"] = x.t.Hours, ["组织单位"] = ExcelCells.Safe(x.t.Organiser),
            }).ToList();
        var awardRows = volunteers.SelectMany(v => v.Awards.Select(a => (v, a))).OrderBy(x => x.a.Date).ThenBy(x => x.v.Name)
            .Select((x, i) => new Dictionary<string, object?>
            {
                ["序号"] = i + 1, ["姓名"] = ExcelCells.Safe(x.v.Name), ["证件号码"] = Id(x.v), ["表彰日期"] = x.a.Date.ToString("yyyy-MM-dd"),
                ["表彰奖励名称"] = ExcelCells.Safe(x.a.Name), ["授予单位"] = ExcelCells.Safe(x.a.Grantor),
            }).ToList();
        var records = services.Select((s, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["服务日期"] = s.Date.ToString("yyyy-MM-dd"),
            ["姓名"] = ExcelCells.Safe(s.Volunteer!.Name),
            ["证件号码"] = Id(s.Volunteer),
            ["活动"] = ExcelCells.Safe(s.ActivityId is { } a ? themes.GetValueOrDefault(a) : null),
            ["服务内容"] = ExcelCells.Safe(s.Content),
            ["开始时间"] = s.StartTime?.ToString("HH:mm"),
            ["结束时间"] = s.EndTime?.ToString("HH:mm"),
            ["往返交通（分钟，不计入时长）"] = s.TravelMinutes,
            ["服务时长（小时）"] = VolunteerHours.ToHours(s.Minutes),
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["志愿者名册"] = roster.Count > 0 ? roster : [new Dictionary<string, object?> { ["说明"] = "本年度无志愿者" }],
            ["服务时长记录"] = records.Count > 0 ? records : [new Dictionary<string, object?> { ["说明"] = "本年度无服务记录" }],
            ["培训记录"] = trainingRows.Count > 0 ? trainingRows : [new Dictionary<string, object?> { ["说明"] = "本年度无培训记录" }],
            ["表彰奖励"] = awardRows.Count > 0 ? awardRows : [new Dictionary<string, object?> { ["说明"] = "本年度无表彰奖励记录" }],
            ["说明"] = new[]
            {
                new Dictionary<string, object?> { ["项目"] = "站点", ["内容"] = station.Name },
                new Dictionary<string, object?> { ["项目"] = "期间", ["内容"] = $"{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}" },
                new Dictionary<string, object?> { ["项目"] = "时长口径", ["内容"] = VolunteerHours.Source },
                new Dictionary<string, object?> { ["项目"] = "记录内容", ["内容"] = TrainingAwardUseCases.Source + "（评价情况暂未记录）；培训学时不计入服务时长" },
                new Dictionary<string, object?> { ["项目"] = "证件号码", ["内容"] = reveal ? "完整号码（已记入审计日志）" : "已脱敏" },
            },
        };
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheets, cancellationToken: ct);
        await audit.WriteAsync("export", nameof(Volunteer), station.Id.ToString(),
            $"导出志愿者名册和服务时长 {from.Year}年：{volunteers.Count}人、{services.Count}条" + (reveal ? "，含完整证件号码，原因：" + reason : "，证件号码已脱敏"), ct: ct);
        return (stream.ToArray(), $"志愿者名册与服务时长-{station.Name}-{from.Year}.xlsx");
    }
}

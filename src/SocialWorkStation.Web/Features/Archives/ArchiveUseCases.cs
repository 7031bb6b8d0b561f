using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Archives;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Attachments;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Archives;

/// <summary>The station's archives (docs/requirements/books.md §1): catalogue, loans, destruction, the archivist.</summary>
public static class ArchiveUseCases
{
    public const string OwnerType = "archive";
    public const int MaxTitle = 200;
    public const int MaxNote = 1000;
    private const string NotFound = "档案不存在或不在您的权限范围内";
    /// <summary>The clauses that ask for a designated archivist.</summary>
    public const string ArchivistSource = "乐东 六、（三）；神木 第二十三条（指定专人负责档案管理）";

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    /// <summary>The profile's least retention with its clause as shown on an entry ("神木 第二十三条", or the platform default).</summary>
    public static (int Years, string Source) Retention(ProfileCatalog profiles, string profileKey)
    {
        var profile = profiles.Find(profileKey);
        var r = (profile?.BookRules ?? new BookRules()).Retention;
        var source = r.Source.StartsWith("平台默认", StringComparison.Ordinal) ? r.Source : $"{profile?.ShortName} {r.Source}".Trim();
        return (r.Value, source);
    }

    private sealed record Values(string Title, ArchiveCarrier Carrier, string? PaperLocation, string? Note);

    private static Values Validate(Errors errors, string? title, string? carrier, string? paperLocation, string? note)
    {
        var t = StationRecords.Clean(title);
        if (t is null) errors.Add("title", "请填写案卷题名");
        else if (t.Length > MaxTitle) errors.Add("title", $"案卷题名不能超过{MaxTitle}字");
        var c = ArchiveCarriers.Parse(carrier);
        if (c is null) errors.Add("carrier", "请选择载体：electronic（电子）、paper（纸质）或 both（电子和纸质）");
        var place = StationRecords.Clean(paperLocation);
        if (c is { } k && ArchiveCarriers.HasPaper(k) && place is null) errors.Add("paperLocation", "有纸质档案时请填写存放位置（如：档案柜2号第3层）");
        if (place is { Length: > 200 }) errors.Add("paperLocation", "存放位置不能超过200字");
        var n = StationRecords.Clean(note);
        if (n is { Length: > MaxNote }) errors.Add("note", $"备注不能超过{MaxNote}字");
        return new Values(t ?? "", c ?? ArchiveCarrier.Electronic, c is { } k2 && ArchiveCarriers.HasPaper(k2) ? place : null, n);
    }

    private static void CheckRetention(int? years, int least, string source)
    {
        if (years is { } y && y > 100) throw RequestValidationException.For("retentionYears", "保管期限不能超过100年");
        if (years is { } v && v < least) throw new BusinessRuleException($"保管期限不能少于{least}年（{source}）", "retentionYears");
    }

    /// <summary>The station of the route (404 outside the scope).</summary>
    private static async Task<Platform> Station(AppDbContext db, ClaimsPrincipal user, Guid stationId, CancellationToken ct) =>
        await db.Platforms.AsNoTracking().VisibleTo(user.Scope()).FirstOrDefaultAsync(p => p.Id == stationId, ct) is { } p && user.Scope().ServiceRecords
            ? p : throw new NotFoundException("站点不存在或不在您的权限范围内");

    public static IQueryable<ArchiveFile> Visible(AppDbContext db, ClaimsPrincipal user) => db.Set<ArchiveFile>().VisibleTo(db, user.Scope());

    public static async Task<Paged<ArchiveDto>> List(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, ProfileCatalog profiles, Guid stationId,
        string? category, int? year, string? status, string? q, PageRequest page, CancellationToken ct)
    {
        var station = await Station(db, user, stationId, ct);
        var query = Visible(db, user).AsNoTracking().Where(a => a.StationId == station.Id);
        if (!string.IsNullOrWhiteSpace(category))
        {
            var c = ArchiveCategories.Parse(category) ?? throw RequestValidationException.For("category", "类别应为 administrative、financial、personnel、service 或 evaluation");
            query = query.Where(a => a.Category == c);
        }
        if (year is { } y) query = query.Where(a => a.Year == y);
        if (StationRecords.Clean(q) is { } text) query = query.Where(a => a.Title.Contains(text) || a.Code.Contains(text));
        var today = ChinaTime.Today(clock);
        query = status switch
        {
            null or "" => query,
            "inStock" => query.Where(a => a.DestroyedOn == null && !a.Loans.Any(l => l.ReturnedOn == null)),
            "onLoan" => query.Where(a => a.Loans.Any(l => l.ReturnedOn == null)),
            "overdue" => query.Where(a => a.Loans.Any(l => l.ReturnedOn == null && l.DueOn < today)),
            "destroyed" => query.Where(a => a.DestroyedOn != null),
            "retentionEnded" => query.Where(a => a.DestroyedOn == null),
            _ => throw RequestValidationException.For("status", "状态应为 inStock、onLoan、overdue、destroyed 或 retentionEnded"),
        };
        var ordered = query.Include(a => a.Loans).OrderByDescending(a => a.Year).ThenBy(a => a.Category).ThenBy(a => a.Sequence);
        Paged<ArchiveFile> result;
        if (status == "retentionEnded")
        {
            // The end of retention depends on each entry's years: read the live entries and keep those whose retention ended (a station keeps hundreds, not millions).
            var ended = (await ordered.ToListAsync(ct)).Where(a => ArchiveRetention.Ended(a.Year, a.RetentionYears, today)).ToList();
            result = new Paged<ArchiveFile>(ended.Skip((page.Page - 1) * page.PageSize).Take(page.PageSize).ToList(), ended.Count, page.Page, page.PageSize);
        }
        else
        {
            result = await ordered.ToPageAsync(page, ct);
        }
        return new Paged<ArchiveDto>(result.Items.Select(a => ToDto(a, station.Name, [], today)).ToList(), result.Total, result.Page, result.PageSize);
    }

    public static async Task<ArchiveDto> Get(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var a = await Visible(db, user).AsNoTracking().Include(x => x.Loans).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(NotFound);
        var name = await db.Platforms.Where(p => p.Id == a.StationId).Select(p => p.Name).FirstAsync(ct);
        var files = await AttachmentUseCases.ForOwners(db, OwnerType, [a.Id], ct);
        return ToDto(a, name, files.GetValueOrDefault(a.Id) ?? [], ChinaTime.Today(clock));
    }

    /// <summary>Registers an entry with the next number of its station, category and year (unique in the database; a race retries).</summary>
    public static async Task<ArchiveDto> Create(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, ProfileCatalog profiles, Guid stationId, ArchiveInput input, CancellationToken ct)
    {
        var station = await Station(db, user, stationId, ct);
        var today = ChinaTime.Today(clock);
        var errors = new Errors();
        var category = ArchiveCategories.Parse(input.Category);
        if (category is null) errors.Add("category", "请选择类别：administrative（文书/行政）、financial（财务）、personnel（人事）、service（服务）或 evaluation（评估）");
        if (input.Year is null) errors.Add("year", "请填写形成年度");
        else if (input.Year < 2000 || input.Year > today.Year) errors.Add("year", $"形成年度应在2000到{today.Year}之间");
        var v = Validate(errors, input.Title, input.Carrier, input.PaperLocation, input.Note);
        errors.ThrowIfAny();
        var (least, source) = Retention(profiles, station.ProfileKey);
        CheckRetention(input.RetentionYears, least, source);
        var years = input.RetentionYears ?? least;
        for (var attempt = 1; ; attempt++)
        {
            var next = (await db.Set<ArchiveFile>().Where(a => a.StationId == station.Id && a.Category == category && a.Year == input.Year)
                .MaxAsync(a => (int?)a.Sequence, ct) ?? 0) + 1;
            if (next > 9999) throw new BusinessRuleException("该类别本年度档案已满9999件", "category");
            var a = new ArchiveFile
            {
                StationId = station.Id, Category = category!.Value, Year = input.Year!.Value, Sequence = next,
                Code = ArchiveCode.Format(station.RegionCode, category.Value, input.Year.Value, next),
                Title = v.Title, Carrier = v.Carrier, PaperLocation = v.PaperLocation, Note = v.Note,
                RetentionYears = years, RetentionSource = years > least ? $"站点确定（不少于{least}年，{source}）" : source,
                FiledOn = today, FiledBy = user.Identity?.Name ?? "", CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(a);
            try
            {
                await db.SaveChangesAsync(ct);
                return ToDto(a, station.Name, [], today);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.Entry(a).State = EntityState.Detached;
            }
        }
    }

    public static async Task<ArchiveDto> Update(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, ProfileCatalog profiles, Guid id, ArchiveUpdateInput input, CancellationToken ct)
    {
        var a = await Visible(db, user).Include(x => x.Loans).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(NotFound);
        var errors = new Errors();
        var v = Validate(errors, input.Title, input.Carrier, input.PaperLocation, input.Note);
        errors.ThrowIfAny();
        if (a.DestroyedOn is not null) throw new BusinessRuleException("档案已销毁，不能修改", "title");
        var station = await db.Platforms.AsNoTracking().FirstAsync(p => p.Id == a.StationId, ct);
        var (least, source) = Retention(profiles, station.ProfileKey);
        CheckRetention(input.RetentionYears, least, source);
        Versions.Check(db, a, input.Version, "档案");
        a.Title = v.Title;
        a.Carrier = v.Carrier;
        a.PaperLocation = v.PaperLocation;
        a.Note = v.Note;
        if (input.RetentionYears is { } years && years != a.RetentionYears)
        {
            a.RetentionYears = years;
            a.RetentionSource = years > least ? $"站点确定（不少于{least}年，{source}）" : source;
        }
        await db.SaveChangesAsync(ct);
        return await Get(db, user, clock, id, ct);
    }

    /// <summary>Where an archivist is designated, only they (or who manages the station's archives) lend and take back.</summary>
    private static async Task CheckArchivist(AppDbContext db, ClaimsPrincipal user, Guid stationId, string field, CancellationToken ct)
    {
        var archivist = await db.Set<StationArchivist>().AsNoTracking().Where(x => x.StationId == stationId).Select(x => x.UserName).FirstOrDefaultAsync(ct);
        if (archivist is not null && archivist != user.Identity?.Name && !user.Can(Permissions.ArchivesManage))
        {
            throw new BusinessRuleException($"借阅和归还由本站档案管理员（{archivist}）办理（{ArchivistSource}）", field);
        }
    }

    public static async Task<ArchiveDto> Lend(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, Guid id, LoanInput input, CancellationToken ct)
    {
        var a = await Visible(db, user).Include(x => x.Loans).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(NotFound);
        var today = ChinaTime.Today(clock);
        var errors = new Errors();
        var borrower = StationRecords.Clean(input.Borrower);
        if (borrower is null) errors.Add("borrower", "请填写借阅人");
        else if (borrower.Length > 100) errors.Add("borrower", "借阅人不能超过100字");
        var purpose = StationRecords.Clean(input.Purpose);
        if (purpose is null) errors.Add("purpose", "请填写借阅用途");
        else if (purpose.Length > 500) errors.Add("purpose", "借阅用途不能超过500字");
        var from = string.IsNullOrWhiteSpace(input.BorrowedOn) ? today : StationRecords.ParseDate(errors, "borrowedOn", input.BorrowedOn, "借出日期", notAfter: today);
        var due = StationRecords.ParseDate(errors, "dueOn", input.DueOn, "归还期限");
        if (from is { } f && due is { } d && d < f) errors.Add("dueOn", "归还期限不能早于借出日期");
        errors.ThrowIfAny();
        if (a.DestroyedOn is not null) throw new BusinessRuleException("档案已销毁，不能借阅", "borrower");
        if (a.Loans.Any(l => l.ReturnedOn is null)) throw new BusinessRuleException("该档案已借出，归还后才能再借", "borrower");
        await CheckArchivist(db, user, a.StationId, "borrower", ct);
        Versions.Check(db, a, input.Version, "档案");
        a.Loans.Add(new ArchiveLoan { Borrower = borrower!, Purpose = purpose!, BorrowedOn = from!.Value, DueOn = due!.Value, LentBy = user.Identity?.Name ?? "" });
        await db.SaveChangesAsync(ct);
        return await Get(db, user, clock, id, ct);
    }

    public static async Task<ArchiveDto> Return(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, Guid id, Guid loanId, ReturnInput input, CancellationToken ct)
    {
        var a = await Visible(db, user).Include(x => x.Loans).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(NotFound);
        var loan = a.Loans.FirstOrDefault(l => l.Id == loanId) ?? throw new NotFoundException("借阅记录不存在");
        var today = ChinaTime.Today(clock);
        var errors = new Errors();
        var on = string.IsNullOrWhiteSpace(input.ReturnedOn) ? today : StationRecords.ParseDate(errors, "returnedOn", input.ReturnedOn, "归还日期", notAfter: today);
        if (on is { } r && r < loan.BorrowedOn) errors.Add("returnedOn", $"归还日期不能早于借出日期（{D(loan.BorrowedOn)}）");
        errors.ThrowIfAny();
        if (loan.ReturnedOn is not null) throw new BusinessRuleException($"该次借阅已于 {D(loan.ReturnedOn.Value)} 归还", "returnedOn");
        await CheckArchivist(db, user, a.StationId, "returnedOn", ct);
        Versions.Check(db, a, input.Version, "档案");
        loan.ReturnedOn = on!.Value;
        loan.ReceivedBy = user.Identity?.Name;
        await db.SaveChangesAsync(ct);
        return await Get(db, user, clock, id, ct);
    }

    /// <summary>
    /// Destruction on the county bureau's approval, only once retention has ended (the last day of retention is inside
    /// it: refused, 422 naming the clause), never while on loan. The entry stays, marked destroyed (the destruction log).
    /// </summary>
    public static async Task<ArchiveDto> Destroy(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, Guid id, DestroyInput input, CancellationToken ct)
    {
        var a = await Visible(db, user).Include(x => x.Loans).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(NotFound);
        var errors = new Errors();
        var approval = StationRecords.Clean(input.Approval);
        if (approval is null) errors.Add("approval", "请填写县民政局的批准文号或审批意见");
        else if (approval.Length > 200) errors.Add("approval", "批准文号或审批意见不能超过200字");
        var note = StationRecords.Clean(input.Note);
        if (note is { Length: > MaxNote }) errors.Add("note", $"备注不能超过{MaxNote}字");
        errors.ThrowIfAny();
        var today = ChinaTime.Today(clock);
        if (a.DestroyedOn is not null) throw new BusinessRuleException($"档案已于 {D(a.DestroyedOn.Value)} 销毁", "approval");
        if (!ArchiveRetention.Ended(a.Year, a.RetentionYears, today))
        {
            throw new BusinessRuleException($"保管期限未满：{a.Year}年度档案保管{a.RetentionYears}年，至 {D(ArchiveRetention.LastDay(a.Year, a.RetentionYears))} 止（{a.RetentionSource}），期满后方可销毁", "approval");
        }
        if (a.Loans.Any(l => l.ReturnedOn is null)) throw new BusinessRuleException("档案借出未还，归还后才能销毁", "approval");
        Versions.Check(db, a, input.Version, "档案");
        a.DestroyedOn = today;
        a.DestroyedBy = user.Identity?.Name;
        a.DestructionApproval = approval;
        a.DestructionNote = note;
        await db.SaveChangesAsync(ct);
        return await Get(db, user, clock, id, ct);
    }

    public static async Task<ArchivistDto> GetArchivist(AppDbContext db, ClaimsPrincipal user, Guid stationId, CancellationToken ct)
    {
        var station = await Station(db, user, stationId, ct);
        var a = await db.Set<StationArchivist>().AsNoTracking().FirstOrDefaultAsync(x => x.StationId == station.Id, ct);
        return a is null
            ? new ArchivistDto(station.Id, null, null, null, null, 0, ArchivistSource)
            : new ArchivistDto(station.Id, a.UserName, a.DisplayName, D(a.AssignedOn), a.AssignedBy, a.Version, ArchivistSource);
    }

    /// <summary>Designates the archivist: an active account scoped to this very station. Version 0 when none was designated yet.</summary>
    public static async Task<ArchivistDto> SetArchivist(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, Guid stationId, ArchivistInput input, CancellationToken ct)
    {
        var station = await Station(db, user, stationId, ct);
        var userName = StationRecords.Clean(input.UserName) ?? throw RequestValidationException.For("userName", "请填写档案管理员的账号");
        if (input.Version is null) throw RequestValidationException.For("version", "请提供读取时的版本号 version（尚未指定时为0）");
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (account is null || account.IsDisabled || account.ScopeStationId != station.Id)
        {
            throw RequestValidationException.For("userName", "档案管理员应为本站在用的账号");
        }
        var a = await db.Set<StationArchivist>().FirstOrDefaultAsync(x => x.StationId == station.Id, ct);
        if (a is null)
        {
            if (input.Version != 0) throw new ConflictException("档案管理员已被他人指定，请刷新后重试。");
            a = new StationArchivist { StationId = station.Id };
            db.Add(a);
        }
        else
        {
            Versions.Check(db, a, input.Version, "档案管理员");
        }
        a.UserName = account.UserName!;
        a.DisplayName = account.DisplayName;
        a.AssignedOn = ChinaTime.Today(clock);
        a.AssignedBy = user.Identity?.Name ?? "";
        await db.SaveChangesAsync(ct);
        return await GetArchivist(db, user, stationId, ct);
    }

    public static (string Status, string Text) Status(ArchiveFile a, DateOnly today)
    {
        if (a.DestroyedOn is not null) return ("destroyed", "已销毁");
        var open = a.Loans.FirstOrDefault(l => l.ReturnedOn is null);
        if (open is not null) return ArchiveLoans.Overdue(open.DueOn, null, today) ? ("overdue", "借出逾期未还") : ("onLoan", "借出");
        return ("inStock", "在库");
    }

    public static ArchiveDto ToDto(ArchiveFile a, string stationName, IReadOnlyList<AttachmentDto> files, DateOnly today)
    {
        var (status, text) = Status(a, today);
        return new ArchiveDto(a.Id, a.StationId, stationName, a.Code, ArchiveCode.Source, ArchiveCategories.ToApi(a.Category), ArchiveCategories.Chinese(a.Category), a.Year, a.Title,
            ArchiveCarriers.ToApi(a.Carrier), ArchiveCarriers.Chinese(a.Carrier), a.PaperLocation, a.RetentionYears, a.RetentionSource,
            D(ArchiveRetention.LastDay(a.Year, a.RetentionYears)), ArchiveRetention.Ended(a.Year, a.RetentionYears, today),
            D(a.FiledOn), a.FiledBy, a.Note, status, text,
            a.DestroyedOn is { } d ? D(d) : null, a.DestroyedBy, a.DestructionApproval, a.DestructionNote,
            a.Loans.OrderByDescending(l => l.BorrowedOn).ThenByDescending(l => l.Id)
                .Select(l => new ArchiveLoanDto(l.Id, l.Borrower, l.Purpose, D(l.BorrowedOn), D(l.DueOn), l.ReturnedOn is { } r ? D(r) : null,
                    ArchiveLoans.Overdue(l.DueOn, l.ReturnedOn, today), l.LentBy, l.ReceivedBy)).ToList(),
            files, a.Version);
    }
}

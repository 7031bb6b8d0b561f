using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Calendar;
using SocialWorkStation.Domain.Complaints;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Complaints;

/// <summary>Complaints and suggestions (docs/requirements/public.md §4): filing, tracking, the staff's entry, answer and satisfaction.</summary>
public static partial class ComplaintUseCases
{
    public const int MaxText = 2000;
    /// <summary>What the person recorded on the tracking page is marked as theirs.</summary>
    public const string ByPerson = "本人";

    [GeneratedRegex(@"^[0-9+\- ]{5,20}$")]
    private static partial Regex PhonePattern();

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    public static ComplaintRules Rules(ProfileCatalog profiles, string profileKey) => profiles.Find(profileKey)?.Complaints ?? ComplaintRules.Default;

    private static ComplaintKind? ParseKind(string? s) => s?.Trim() switch
    {
        "complaint" or "投诉" => ComplaintKind.Complaint,
        "suggestion" or "建议" => ComplaintKind.Suggestion,
        "help" or "求助" => ComplaintKind.Help,
        _ => null,
    };

    private static ComplaintChannel? ParseChannel(string? s) => s?.Trim() switch
    {
        "phone" => ComplaintChannel.Phone,
        "letter" => ComplaintChannel.Letter,
        "visit" => ComplaintChannel.Visit,
        "box" => ComplaintChannel.Box,
        _ => null,
    };

    private static Satisfaction? ParseSatisfaction(string? s) => s?.Trim() switch
    {
        "satisfied" or "满意" => Satisfaction.Satisfied,
        "basicallySatisfied" or "基本满意" => Satisfaction.BasicallySatisfied,
        "dissatisfied" or "不满意" => Satisfaction.Dissatisfied,
        _ => null,
    };

    private sealed record Values(ComplaintKind Kind, string Text, string? Name, string? Phone);

    private static Values Validate(Errors errors, string? kind, string? text, string? name, string? phone)
    {
        var k = ParseKind(kind);
        if (k is null) errors.Add("kind", "请选择类型：投诉、建议或求助（complaint、suggestion、help）");
        var t = StationRecords.Clean(text);
        if (t is null) errors.Add("text", "请填写内容");
        else if (t.Length > MaxText) errors.Add("text", $"内容不能超过{MaxText}字");
        var n = StationRecords.Clean(name);
        if (n is { Length: > 50 }) errors.Add("name", "姓名不能超过50字");
        var p = StationRecords.Clean(phone);
        if (p is not null && !PhonePattern().IsMatch(p)) errors.Add("phone", "电话号码只能包含数字、空格、+ 和 -（5到20位）");
        return new Values(k ?? ComplaintKind.Complaint, t ?? "", n, p);
    }

    private static (Complaint Complaint, string Number) New(RecipientProtector protector, ProfileCatalog profiles, Platform station, Values v, ComplaintChannel channel, DateOnly receivedOn, TimeProvider clock, string? createdBy)
    {
        var rules = Rules(profiles, station.ProfileKey);
        var number = TrackingNumber.New();
        var c = new Complaint
        {
            StationId = station.Id, Kind = v.Kind, Channel = channel, Text = v.Text, TrackingHash = TrackingNumber.Hash(number),
            Receiver = rules.Receiver.Value, ReceiverSource = Source(profiles, station.ProfileKey, rules.Receiver.Source),
            ReceivedOn = receivedOn, DueOn = ComplaintDeadline.DueOn(receivedOn, rules.AnswerWorkingDays.Value, WorkingCalendar.China).Date,
            DueSource = $"{rules.AnswerWorkingDays.Value}个工作日（{Source(profiles, station.ProfileKey, rules.AnswerWorkingDays.Source)}）",
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = createdBy,
        };
        c.NameCipher = protector.EncryptOrNull(v.Name, Complaint.Context(c.Id, "name"));
        c.PhoneCipher = protector.EncryptOrNull(v.Phone, Complaint.Context(c.Id, "phone"));
        return (c, number);
    }

    private static string Source(ProfileCatalog profiles, string profileKey, string source) =>
        source.StartsWith("平台默认", StringComparison.Ordinal) ? source : $"{profiles.Find(profileKey)?.ShortName} {source}".Trim();

    /// <summary>The public form: anonymous; the honeypot filled is refused (400) without saying why.</summary>
    public static async Task<FiledComplaintDto> File(AppDbContext db, RecipientProtector protector, ProfileCatalog profiles, TimeProvider clock, PublicComplaintInput input, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(input.Website))
        {
            throw RequestValidationException.For("text", "提交未被接受，请稍后再试或拨打站点电话");
        }
        var errors = new Errors();
        if (input.StationId is null) errors.Add("stationId", "请选择站点");
        var v = Validate(errors, input.Kind, input.Text, input.Name, input.Phone);
        errors.ThrowIfAny();
        var station = await db.Platforms.AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.StationId, ct)
            ?? throw new NotFoundException("站点不存在");
        var (c, number) = New(protector, profiles, station, v, ComplaintChannel.Online, ChinaTime.Today(clock), clock, null);
        db.Add(c);
        await db.SaveChangesAsync(ct);
        return new FiledComplaintDto(TrackingNumber.Format(number), ComplaintLabels.Kind(c.Kind), station.Name, ComplaintLabels.Receiver(c.Receiver), D(c.ReceivedOn), D(c.DueOn));
    }

    /// <summary>The tracking page: an unknown number is 404; a known one shows status, dates and the answer only.</summary>
    public static async Task<TrackedComplaintDto> Track(AppDbContext db, TimeProvider clock, string? trackingNumber, CancellationToken ct)
    {
        var c = await FindByNumber(db, trackingNumber, ct, tracking: false);
        var (status, text, _) = Status(c, ChinaTime.Today(clock));
        return new TrackedComplaintDto(status, text, D(c.ReceivedOn), D(c.DueOn), c.AnsweredOn is { } a ? D(a) : null, c.Answer,
            c.Satisfaction is { } s ? JsonNames.Camel(s.ToString()) : null, c.Satisfaction is { } s2 ? ComplaintLabels.SatisfactionText(s2) : null);
    }

    /// <summary>The person says how satisfied they are with the answer (422 before there is one).</summary>
    public static async Task<TrackedComplaintDto> RateByPerson(AppDbContext db, TimeProvider clock, PublicSatisfactionInput input, CancellationToken ct)
    {
        var satisfaction = ParseSatisfaction(input.Satisfaction) ?? throw RequestValidationException.For("satisfaction", "请选择：满意、基本满意或不满意");
        var c = await FindByNumber(db, input.TrackingNumber, ct, tracking: true);
        if (c.Answer is null) throw new BusinessRuleException("答复后才能评价", "satisfaction");
        c.Satisfaction = satisfaction;
        c.SatisfactionOn = ChinaTime.Today(clock);
        c.SatisfactionBy = ByPerson;
        await db.SaveChangesAsync(ct);
        return await Track(db, clock, input.TrackingNumber, ct);
    }

    private static async Task<Complaint> FindByNumber(AppDbContext db, string? trackingNumber, CancellationToken ct, bool tracking)
    {
        var normalised = TrackingNumber.Normalise(trackingNumber) ?? throw new NotFoundException("查询码不存在，请核对后重新输入");
        var hash = TrackingNumber.Hash(normalised);
        var q = tracking ? db.Set<Complaint>() : db.Set<Complaint>().AsNoTracking();
        return await q.FirstOrDefaultAsync(c => c.TrackingHash == hash, ct) ?? throw new NotFoundException("查询码不存在，请核对后重新输入");
    }

    public static (string Status, string Text, bool Overdue) Status(Complaint c, DateOnly today)
    {
        var overdue = ComplaintDeadline.Overdue(c.DueOn, c.AnsweredOn, today);
        return c.AnsweredOn is null
            ? (overdue ? "overdue" : "open", overdue ? "已超过答复期限，正在处理" : "处理中", overdue)
            : ("answered", overdue ? "已答复（超过答复期限）" : "已答复", overdue);
    }

    // ---- staff ----

    public static async Task<Paged<ComplaintDto>> List(AppDbContext db, RecipientProtector protector, TimeProvider clock, ClaimsPrincipal user,
        Guid? stationId, string? status, PageRequest page, CancellationToken ct)
    {
        var q = ComplaintAccess.Visible(db, user).AsNoTracking();
        if (stationId is { } s) q = q.Where(c => c.StationId == s);
        var today = ChinaTime.Today(clock);
        q = status switch
        {
            null or "" => q,
            "open" => q.Where(c => c.AnsweredOn == null),
            "overdue" => q.Where(c => c.AnsweredOn == null && c.DueOn < today),
            "answered" => q.Where(c => c.AnsweredOn != null),
            _ => throw RequestValidationException.For("status", "状态应为 open、overdue 或 answered"),
        };
        var result = await q.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id).ToPageAsync(page, ct);
        var names = await db.Platforms.AsNoTracking().Where(p => result.Items.Select(c => c.StationId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return new Paged<ComplaintDto>(result.Items.Select(c => ToDto(c, names.GetValueOrDefault(c.StationId) ?? "", protector, user, today)).ToList(), result.Total, result.Page, result.PageSize);
    }

    public static async Task<ComplaintDto> Get(AppDbContext db, RecipientProtector protector, TimeProvider clock, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var c = await ComplaintAccess.Visible(db, user).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("投诉建议不存在或不在您的权限范围内");
        var name = await db.Platforms.Where(p => p.Id == c.StationId).Select(p => p.Name).FirstAsync(ct);
        return ToDto(c, name, protector, user, ChinaTime.Today(clock));
    }

    /// <summary>Staff enter what came by phone, letter, visit or the box; the answer holds the tracking number to tell the person.</summary>
    public static async Task<ComplaintDto> Enter(AppDbContext db, RecipientProtector protector, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, StaffComplaintInput input, CancellationToken ct)
    {
        var errors = new Errors();
        var station = await StationRecords.Target(db, user.Scope(), input.StationId, errors, ct);
        var channel = ParseChannel(input.Channel);
        if (channel is null) errors.Add("channel", "请选择收到的方式：phone（电话）、letter（信件）、visit（来访）或 box（意见箱）");
        var today = ChinaTime.Today(clock);
        var received = string.IsNullOrWhiteSpace(input.ReceivedOn) ? today : StationRecords.ParseDate(errors, "receivedOn", input.ReceivedOn, "收到日期", notAfter: today);
        var v = Validate(errors, input.Kind, input.Text, input.Name, input.Phone);
        errors.ThrowIfAny();
        var (c, number) = New(protector, profiles, station!, v, channel!.Value, received!.Value, clock, user.Identity?.Name);
        db.Add(c);
        await db.SaveChangesAsync(ct);
        return ToDto(c, station!.Name, protector, user, today) with { TrackingNumber = TrackingNumber.Format(number) };
    }

    /// <summary>The receiver answers: the county bureau where the profile routes complaints to it, else the station (or the bureau above it).</summary>
    public static async Task<ComplaintDto> AnswerIt(AppDbContext db, RecipientProtector protector, TimeProvider clock, ClaimsPrincipal user, Guid id, AnswerInput input, CancellationToken ct)
    {
        var c = await ComplaintAccess.Visible(db, user).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("投诉建议不存在或不在您的权限范围内");
        var answer = StationRecords.Clean(input.Answer);
        if (answer is null) throw RequestValidationException.For("answer", "请填写答复内容");
        if (answer.Length > MaxText) throw RequestValidationException.For("answer", $"答复不能超过{MaxText}字");
        if (c.Receiver == ComplaintReceiver.CountyBureau && !user.IsInRole(Roles.BureauOfficer))
        {
            throw new BusinessRuleException($"该投诉建议由县（市、区）民政局受理和答复（{c.ReceiverSource}）", "answer");
        }
        Versions.Check(db, c, input.Version, "投诉建议");
        c.Answer = answer;
        c.AnsweredOn ??= ChinaTime.Today(clock);
        c.AnsweredBy = user.Identity?.Name;
        await db.SaveChangesAsync(ct);
        return await Get(db, protector, clock, user, id, ct);
    }

    /// <summary>Staff record the satisfaction the person gave by phone or in person (422 before the answer).</summary>
    public static async Task<ComplaintDto> Rate(AppDbContext db, RecipientProtector protector, TimeProvider clock, ClaimsPrincipal user, Guid id, SatisfactionInput input, CancellationToken ct)
    {
        var c = await ComplaintAccess.Visible(db, user).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("投诉建议不存在或不在您的权限范围内");
        var satisfaction = ParseSatisfaction(input.Satisfaction) ?? throw RequestValidationException.For("satisfaction", "请选择：satisfied（满意）、basicallySatisfied（基本满意）或 dissatisfied（不满意）");
        if (c.Answer is null) throw new BusinessRuleException("答复后才能记录满意度", "satisfaction");
        Versions.Check(db, c, input.Version, "投诉建议");
        c.Satisfaction = satisfaction;
        c.SatisfactionOn = ChinaTime.Today(clock);
        c.SatisfactionBy = user.Identity?.Name;
        await db.SaveChangesAsync(ct);
        return await Get(db, protector, clock, user, id, ct);
    }

    public static ComplaintDto ToDto(Complaint c, string stationName, RecipientProtector protector, ClaimsPrincipal user, DateOnly today)
    {
        var reveal = user.Can(Permissions.ComplaintsReveal);
        var name = protector.DecryptOrNull(c.NameCipher, Complaint.Context(c.Id, "name"));
        var phone = protector.DecryptOrNull(c.PhoneCipher, Complaint.Context(c.Id, "phone"));
        var (status, text, overdue) = Status(c, today);
        return new ComplaintDto(c.Id, c.StationId, stationName, JsonNames.Camel(c.Kind.ToString()), ComplaintLabels.Kind(c.Kind),
            JsonNames.Camel(c.Channel.ToString()), ComplaintLabels.Channel(c.Channel), c.Text,
            name is null ? null : reveal ? name : ComplaintAccess.MaskName(name), phone is null ? null : reveal ? phone : ComplaintAccess.MaskPhone(phone),
            JsonNames.Camel(c.Receiver.ToString()), ComplaintLabels.Receiver(c.Receiver), c.ReceiverSource, D(c.ReceivedOn), D(c.DueOn), c.DueSource,
            status, text, overdue, c.Answer, c.AnsweredOn is { } a ? D(a) : null, c.AnsweredBy,
            c.Satisfaction is { } s ? JsonNames.Camel(s.ToString()) : null, c.Satisfaction is { } s2 ? ComplaintLabels.SatisfactionText(s2) : null,
            c.SatisfactionBy, c.CreatedBy, c.Version);
    }
}

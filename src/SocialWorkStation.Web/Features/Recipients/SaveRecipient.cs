using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Regions;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Features.Workers;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Recipients;

/// <summary>Writes the protected fields: every sensitive value encrypted, the keyed hashes and pinyin keys recomputed.</summary>
public static class RecipientFields
{
    public static void SetIdentity(Recipient r, IdNumber id, RecipientProtector p)
    {
        r.Sex = id.Sex;
        r.BirthYear = id.BirthDate.Year;
        r.BirthDateCipher = p.Encrypt(id.BirthDate.ToString("yyyy-MM-dd"), Recipient.Context(r.Id, "birthDate"));
        r.IdNumberCipher = p.Encrypt(id.Value, Recipient.Context(r.Id, "idNumber"));
        r.IdNumberHash = p.IdHash(id.Value);
        r.IdTailHash = p.TailHash(id.Value);
    }

    public static void SetName(Recipient r, string name)
    {
        if (r.Name == name && r.NameKeys.Count > 0)
        {
            return;
        }
        r.Name = name;
        r.NameKeys.Clear();
        r.NameKeys.AddRange(NameKeys.For(name).All.Select(k => new RecipientNameKey { Key = k, StationId = r.StationId }));
    }

    /// <summary>The keys carry the station (for the per-station index): moving a recipient moves its keys.</summary>
    public static void SetStation(Recipient r, Guid stationId)
    {
        r.StationId = stationId;
        foreach (var k in r.NameKeys)
        {
            k.StationId = stationId;
        }
    }

    public static void SetPhone(Recipient r, string? phone, RecipientProtector p) =>
        r.PhoneCipher = p.EncryptOrNull(string.IsNullOrWhiteSpace(phone) ? null : phone.Trim(), Recipient.Context(r.Id, "phone"));

    public static void SetSensitive(Recipient r, SensitiveDetails? details, RecipientProtector p) =>
        r.SensitiveCipher = details is null || details.IsEmpty ? null : p.Encrypt(JsonSerializer.Serialize(details), Recipient.Context(r.Id, "sensitive"));
}

/// <summary>
/// Registers or updates a recipient. The same ID number twice in one station is refused (409); in
/// another station it is allowed and both records show the duplicate. An update must carry the version it read.
/// </summary>
public static class SaveRecipient
{
    public static async Task<RecipientDto> Create(AppDbContext db, RecipientProtector protector, AuditLog audit, TimeProvider clock,
        System.Security.Claims.ClaimsPrincipal user, RecipientInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var today = ChinaTime.Today(clock);
        var stationId = input.StationId ?? scope.StationId;
        var errors = new Errors();
        if (stationId is null)
        {
            errors.Add("stationId", "请选择服务对象所属的站点");
        }
        else if (!await db.Platforms.VisibleTo(scope).AnyAsync(p => p.Id == stationId, ct))
        {
            errors.Add("stationId", "站点不存在或不在您的权限范围内");
        }
        var r = new Recipient { CreatedAt = clock.GetUtcNow().UtcDateTime, RegisteredOn = input.RegisteredOn ?? today };
        r.StationId = stationId ?? Guid.Empty;
        await Apply(db, protector, clock, scope, r, input, today, errors, isCreate: true, ct);
        db.Recipients.Add(r);
        await SaveUnique(db, r, ct);
        return await GetRecipient.ToDto(db, protector, clock, scope, await GetRecipient.Load(db, scope, r.Id, ct), reveal: false, ct);
    }

    public static async Task<RecipientDto> Update(AppDbContext db, RecipientProtector protector, AuditLog audit, TimeProvider clock,
        System.Security.Claims.ClaimsPrincipal user, Guid id, RecipientInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var r = await GetRecipient.Load(db, scope, id, ct, tracking: true);
        await db.Entry(r).Collection(x => x.NameKeys).LoadAsync(ct);
        if (input.Version is null)
        {
            throw RequestValidationException.For("version", "请提供读取时的版本号 version");
        }
        var errors = new Errors();
        if (input.StationId is { } moveTo && moveTo != r.StationId)
        {
            if (!await db.Platforms.VisibleTo(scope).AnyAsync(p => p.Id == moveTo, ct))
            {
                errors.Add("stationId", "站点不存在或不在您的权限范围内");
            }
            RecipientFields.SetStation(r, moveTo);
        }
        Versions.Check(db, r, input.Version, "服务对象");
        await Apply(db, protector, clock, scope, r, input, ChinaTime.Today(clock), errors, isCreate: false, ct);
        await SaveUnique(db, r, ct);
        return await GetRecipient.ToDto(db, protector, clock, scope, await GetRecipient.Load(db, scope, r.Id, ct), reveal: false, ct);
    }

    /// <summary>The (station, ID hash) index is the last word when two people register the same person at once.</summary>
    private static async Task SaveUnique(AppDbContext db, Recipient r, CancellationToken ct)
    {
        if (await db.Recipients.AnyAsync(o => o.StationId == r.StationId && o.IdNumberHash == r.IdNumberHash && o.Id != r.Id, ct))
        {
            throw new ConflictException("该身份证号码已在本站登记，请在列表中按身份证号码查找并修改原记录。");
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw new ConflictException("该身份证号码已在本站登记，请在列表中按身份证号码查找并修改原记录。");
        }
    }

    private static async Task Apply(AppDbContext db, RecipientProtector protector, TimeProvider clock, UserScope scope, Recipient r, RecipientInput input, DateOnly today, Errors errors, bool isCreate, CancellationToken ct)
    {
        errors.Required("name", input.Name, "姓名").MaxLength("name", input.Name, 50, "姓名")
            .MaxLength("address", input.Address, 200, "地址");

        // A masked value sent back as read keeps what is stored.
        IdNumber? id = null;
        var keepId = !isCreate && input.IdNumber is { } sent && sent.Contains('*');
        if (keepId)
        {
            id = IdNumber.TryParse(RecipientMapper.IdNumber(r, protector), out _);
        }
        else
        {
            id = IdNumber.TryParse(input.IdNumber, out var idError, notAfter: today);
            if (id is null)
            {
                errors.Add("idNumber", idError!);
            }
        }
        var keepPhone = !isCreate && input.Phone is { } ph && ph.Contains('*');
        if (!keepPhone && input.Phone is { Length: > 0 } phone && (phone.Trim().Length > 30 || !phone.Trim().All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ')))
        {
            errors.Add("phone", "电话只能包含数字、空格、+ 和 -，不超过30位");
        }
        var categories = new List<RecipientCategory>();
        foreach (var c in input.Categories ?? [])
        {
            if (RecipientCategories.FromApi(c) is { } cat)
            {
                categories.Add(cat);
            }
            else
            {
                errors.Add("categories", $"对象类别 “{c}” 不存在");
            }
        }
        var risk = string.IsNullOrWhiteSpace(input.RiskLevel) ? RiskLevel.None : RecipientNames.Parse<RiskLevel>(input.RiskLevel);
        if (risk is null) errors.Add("riskLevel", "风险等级应为 none（未评估）、low、medium 或 high");
        var status = string.IsNullOrWhiteSpace(input.Status) ? RecipientStatus.Active : RecipientNames.Parse<RecipientStatus>(input.Status);
        if (status is null) errors.Add("status", "状态应为 active（在册）、moved（迁出）、deceased（已故）或 archived（归档）");
        if (status is not null and not RecipientStatus.Active && input.StatusDate is null)
        {
            errors.Add("statusDate", "迁出、已故或归档须填写日期");
        }
        if (input.StatusDate is { } sd && sd > today) errors.Add("statusDate", "日期不能晚于今天");
        if (input.RegisteredOn is { } reg && reg > today) errors.Add("registeredOn", "登记日期不能晚于今天");
        if (!string.IsNullOrWhiteSpace(input.VillageCode))
        {
            // The village must lie in the station's own township (issue 17 item 13): the shared check of every station record.
            var station = await db.Platforms.AsNoTracking().FirstOrDefaultAsync(p => p.Id == r.StationId, ct);
            await StationRecords.ValidateVillage(db, errors, "villageCode", input.VillageCode.Trim(), station, ct);
        }

        if (input.WorkerId is { } workerId && !await db.Workers.VisibleTo(scope).AnyAsync(w => w.Id == workerId, ct))
        {
            errors.Add("workerId", "负责社工不存在或不在您的权限范围内");
        }

        var consent = input.Consent ?? new ConsentInput(false, null, null, false, null);
        ConsentGiver? by = null;
        if (!string.IsNullOrWhiteSpace(consent.By))
        {
            by = RecipientNames.Parse<ConsentGiver>(consent.By);
            if (by is null) errors.Add("consent.by", "同意人应为 self（本人）或 guardian（监护人）");
        }
        var facts = new ConsentFacts(consent.Given ?? false, consent.On, by, consent.Sensitive ?? false, consent.GuardianName?.Trim());
        if (id is not null)
        {
            foreach (var (field, message) in ConsentRules.Check(id.BirthDate, today, facts))
            {
                errors.Add(field, message);
            }
        }

        var guardians = input.Guardians ?? [];
        for (var i = 0; i < guardians.Count; i++)
        {
            errors.Required($"guardians[{i}].name", guardians[i].Name, "监护人姓名").MaxLength($"guardians[{i}].name", guardians[i].Name, 50, "监护人姓名")
                .Required($"guardians[{i}].relation", guardians[i].Relation, "与服务对象的关系").MaxLength($"guardians[{i}].relation", guardians[i].Relation, 20, "关系");
            if (guardians[i].Phone is { Length: > 0 } gp && !gp.Contains('*') && (gp.Trim().Length > 30 || !gp.Trim().All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ')))
            {
                errors.Add($"guardians[{i}].phone", "电话只能包含数字、空格、+ 和 -，不超过30位");
            }
        }

        if (input.Sensitive is { } s)
        {
            if (s.DisabilityGrade is < 1 or > 4) errors.Add("sensitive.disabilityGrade", "残疾等级为一级至四级（1–4）");
            if (s.DisabilityType is { } dt && !RecipientNames.DisabilityTypes.Any(t => t.Api == dt)) errors.Add("sensitive.disabilityType", "残疾类别不存在");
            if (s.MonthlyIncome is < 0) errors.Add("sensitive.monthlyIncome", "月收入不能为负数");
            errors.MaxLength("sensitive.health", s.Health, 2000, "健康状况").MaxLength("sensitive.notes", s.Notes, 4000, "个案备注");
        }

        HouseholdRelation relation = HouseholdRelation.Head;
        Recipient? householdOf = null;
        if (!string.IsNullOrWhiteSpace(input.Relation))
        {
            if (RecipientNames.Parse<HouseholdRelation>(input.Relation) is { } rel) relation = rel;
            else errors.Add("relation", "与户主关系不存在");
        }
        if (input.HouseholdOf is { } hid)
        {
            householdOf = await db.Recipients.VisibleTo(db, scope).FirstOrDefaultAsync(x => x.Id == hid, ct);
            if (householdOf is null || householdOf.StationId != r.StationId)
            {
                errors.Add("householdOf", "同户的服务对象不存在或不属于同一站点");
            }
            else if (string.IsNullOrWhiteSpace(input.Relation))
            {
                errors.Add("relation", "请选择与户主的关系");
            }
        }
        errors.ThrowIfAny();

        RecipientFields.SetName(r, input.Name!.Trim());
        if (!keepId)
        {
            RecipientFields.SetIdentity(r, id!, protector);
        }
        if (!keepPhone)
        {
            RecipientFields.SetPhone(r, input.Phone, protector);
        }
        if (input.Sensitive is { } sens)
        {
            RecipientFields.SetSensitive(r, new SensitiveDetails(sens.Health?.Trim(), sens.DisabilityType, sens.DisabilityGrade, sens.MonthlyIncome, sens.Notes?.Trim()), protector);
        }
        r.Address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        r.VillageCode = string.IsNullOrWhiteSpace(input.VillageCode) ? null : input.VillageCode.Trim();
        r.CategoryMask = RecipientCategories.ToMask(categories);
        r.RiskLevel = risk!.Value;
        r.WorkerId = input.WorkerId;
        r.Status = status!.Value;
        r.StatusDate = r.Status == RecipientStatus.Active ? null : input.StatusDate;
        if (input.RegisteredOn is { } on) r.RegisteredOn = on;
        r.ConsentGiven = facts.Given;
        r.ConsentOn = facts.On;
        r.ConsentBy = facts.Given ? facts.By ?? ConsentGiver.Self : null;
        r.SensitiveConsent = facts.SensitiveGiven;
        r.ConsentGuardianName = string.IsNullOrWhiteSpace(facts.GuardianName) ? null : facts.GuardianName;

        // Guardians: a masked phone sent back keeps the phone of the guardian of that name.
        var oldPhones = r.Guardians.ToDictionary(g => g.Name, g => RecipientMapper.GuardianPhone(r, g, protector));
        r.Guardians.Clear();
        foreach (var g in guardians)
        {
            var guardianPhone = g.Phone is { } gp && gp.Contains('*') ? oldPhones.GetValueOrDefault(g.Name!.Trim()) : g.Phone?.Trim();
            r.Guardians.Add(new RecipientGuardian
            {
                Name = g.Name!.Trim(), Relation = g.Relation!.Trim(),
                PhoneCipher = protector.EncryptOrNull(string.IsNullOrEmpty(guardianPhone) ? null : guardianPhone, Recipient.Context(r.Id, "guardianPhone")),
            });
        }

        if (householdOf is not null)
        {
            if (householdOf.HouseholdId is null)
            {
                var household = new Household { StationId = householdOf.StationId, CreatedAt = clock.GetUtcNow().UtcDateTime };
                db.Add(household);
                householdOf.HouseholdId = household.Id;
                householdOf.Relation = HouseholdRelation.Head;
            }
            r.HouseholdId = householdOf.HouseholdId;
            r.Relation = relation;
        }
        else if (input.HouseholdOf is null && !string.IsNullOrWhiteSpace(input.Relation) && r.HouseholdId is not null)
        {
            r.Relation = relation;
        }
    }
}

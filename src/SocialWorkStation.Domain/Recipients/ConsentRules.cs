using SocialWorkStation.Domain.IdNumbers;

namespace SocialWorkStation.Domain.Recipients;

public enum ConsentGiver { Self = 0, Guardian = 1 }

/// <summary>What was recorded about consent to process a recipient's personal information.</summary>
public sealed record ConsentFacts(bool Given, DateOnly? On, ConsentGiver? By, bool SensitiveGiven, string? GuardianName);

/// <summary>
/// Consent under the Personal Information Protection Law (个人信息保护法): processing a child's data
/// needs a parent's or guardian's consent when the child is under 14 (art. 31), and sensitive personal
/// information needs a separate consent (单独同意, art. 29). All data of a child under 14 is sensitive (art. 28).
/// </summary>
public static class ConsentRules
{
    public const int ChildAge = 14;
    public const string Source = "《个人信息保护法》第二十八条、第二十九条、第三十一条";

    /// <summary>Field errors (JSON field name, message in Chinese); empty when the facts are consistent.</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(DateOnly birthDate, DateOnly today, ConsentFacts c)
    {
        var errors = new List<(string, string)>();
        var child = IdNumber.AgeOn(birthDate, today) < ChildAge;
        if (c.Given && c.On is null)
        {
            errors.Add(("consent.on", "请填写同意的日期"));
        }
        if (c.On is { } on && on > today)
        {
            errors.Add(("consent.on", "同意日期不能晚于今天"));
        }
        if (c.SensitiveGiven && !c.Given)
        {
            errors.Add(("consent.sensitive", "敏感个人信息的单独同意须以同意处理个人信息为前提"));
        }
        if (child && c.Given && c.By != ConsentGiver.Guardian)
        {
            errors.Add(("consent.by", $"服务对象未满{ChildAge}周岁，须由父母或其他监护人同意（《个人信息保护法》第三十一条）"));
        }
        if (c.By == ConsentGiver.Guardian && string.IsNullOrWhiteSpace(c.GuardianName))
        {
            errors.Add(("consent.guardianName", "请填写作出同意的监护人姓名"));
        }
        return errors;
    }

    public static bool IsChild(DateOnly birthDate, DateOnly today) => IdNumber.AgeOn(birthDate, today) < ChildAge;
}

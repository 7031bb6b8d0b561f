using System.Globalization;

namespace SocialWorkStation.Domain.IdNumbers;

public enum Sex { Male = 1, Female = 2 }

/// <summary>A resident identity number checked under GB 11643-1999 (docs/requirements/domain.md §8).</summary>
public sealed record IdNumber(string Value, DateOnly BirthDate, Sex Sex)
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>
    /// Parses an 18-character number. Returns null and a message in Chinese when it is not valid.
    /// The address code is not checked against today's division list: codes change, the ID does not.
    /// </summary>
    public static IdNumber? TryParse(string? input, out string? error, DateOnly? notAfter = null)
    {
        error = null;
        var s = (input ?? "").Trim().ToUpperInvariant();
        if (s.Length == 0)
        {
            error = "请填写身份证号码";
            return null;
        }
        if (s.Length == 15 && s.All(char.IsAsciiDigit))
        {
            error = "15位旧身份证号码已停止使用，请填写18位号码";
            return null;
        }
        if (s.Length != 18 || !s[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(s[17]) || s[17] == 'X'))
        {
            error = "身份证号码应为18位：前17位是数字，最后一位是数字或X";
            return null;
        }
        if (!DateOnly.TryParseExact(s.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900)
        {
            error = "身份证号码中的出生日期不存在";
            return null;
        }
        if (notAfter is { } limit && birth > limit)
        {
            error = "身份证号码中的出生日期晚于今天";
            return null;
        }
        if (CheckChar(s) != s[17])
        {
            error = "身份证号码校验位不正确，请核对";
            return null;
        }
        var sequence = s[16] - '0';
        return new IdNumber(s, birth, sequence % 2 == 1 ? Sex.Male : Sex.Female);
    }

    /// <summary>The ISO 7064 MOD 11-2 check character of the first 17 digits.</summary>
    public static char CheckChar(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckChars[sum % 11];
    }

    /// <summary>
    /// 460***************: only the first 3 characters, for people whose birth date is shown beside the number (workers,
    /// volunteers). The county code and the birth date already give 14 of the 18 characters; the last 4 would complete
    /// the number (docs/security.md "Data protection").
    /// </summary>
    public static string MaskBesideBirthDate(string? value) =>
        string.IsNullOrEmpty(value) || value.Length < 8 ? "****" : value[..3] + new string('*', value.Length - 3);

    /// <summary>460***********1234: the first 3 and last 4 characters shown (where no birth date is shown beside it).</summary>
    public static string Mask(string? value) =>
        string.IsNullOrEmpty(value) || value.Length < 8 ? "****" : value[..3] + new string('*', value.Length - 7) + value[^4..];

    /// <summary>Full years (周岁) on a date: the birthday itself counts as the new age.</summary>
    public static int AgeOn(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        // A 29 February birthday in a common year falls on 28 February: Civil Code art. 201, a period
        // whose corresponding day does not exist ends on the last day of that month.
        var birthdayThisYear = DateTime.IsLeapYear(on.Year) || birth is not { Month: 2, Day: 29 }
            ? new DateOnly(on.Year, birth.Month, birth.Day)
            : new DateOnly(on.Year, 2, 28);
        return on < birthdayThisYear ? age - 1 : age;
    }
}

using SocialWorkStation.Domain.IdNumbers;

namespace SocialWorkStation.Domain.Volunteers;

/// <summary>
/// The identity document a volunteer registers with (证件类型). Order No. 67's proof names the type and
/// the number; the national volunteer system accepts these kinds.
/// </summary>
public enum IdentityDocumentType
{
    ResidentId = 1,
    HongKongMacauPermit = 2,
    TaiwanPermit = 3,
    Passport = 4,
    ForeignerPermanentResidence = 5,
}

public static class IdentityDocuments
{
    public static string ToApi(IdentityDocumentType t) => t switch
    {
        IdentityDocumentType.ResidentId => "residentId",
        IdentityDocumentType.HongKongMacauPermit => "hongKongMacauPermit",
        IdentityDocumentType.TaiwanPermit => "taiwanPermit",
        IdentityDocumentType.Passport => "passport",
        IdentityDocumentType.ForeignerPermanentResidence => "foreignerPermanentResidence",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    public static IdentityDocumentType? FromApi(string? value) =>
        Enum.GetValues<IdentityDocumentType>().Cast<IdentityDocumentType?>().FirstOrDefault(t => ToApi(t!.Value) == value);

    public static string Chinese(IdentityDocumentType t) => t switch
    {
        IdentityDocumentType.ResidentId => "居民身份证",
        IdentityDocumentType.HongKongMacauPermit => "港澳居民来往内地通行证",
        IdentityDocumentType.TaiwanPermit => "台湾居民来往大陆通行证",
        IdentityDocumentType.Passport => "护照",
        IdentityDocumentType.ForeignerPermanentResidence => "外国人永久居留身份证",
        _ => "",
    };

    /// <summary>
    /// Checks a number for its type: a resident ID under GB 11643 (checksum and birth date); other
    /// documents by their character set and length only. Returns the normalised number, or null with a message.
    /// </summary>
    public static string? Validate(IdentityDocumentType type, string? number, DateOnly today, out string? error, out IdNumber? resident)
    {
        resident = null;
        if (type == IdentityDocumentType.ResidentId)
        {
            resident = IdNumber.TryParse(number, out error, today);
            return resident?.Value;
        }
        var s = (number ?? "").Trim().ToUpperInvariant();
        if (s.Length is < 5 or > 20 || !s.All(char.IsAsciiLetterOrDigit))
        {
            error = "证件号码应为5到20位字母或数字";
            return null;
        }
        error = null;
        return s;
    }
}

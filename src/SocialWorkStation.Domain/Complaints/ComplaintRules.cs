using System.Security.Cryptography;
using SocialWorkStation.Domain.Calendar;
using SocialWorkStation.Domain.Common;

namespace SocialWorkStation.Domain.Complaints;

/// <summary>What a person brings (投诉、建议、求助).</summary>
public enum ComplaintKind { Complaint = 1, Suggestion = 2, Help = 3 }

/// <summary>How it reached the platform: the public form, or staff entering a call, a letter, a visit or the box.</summary>
public enum ComplaintChannel { Online = 1, Phone = 2, Letter = 3, Visit = 4, Box = 5 }

/// <summary>Who receives and answers it.</summary>
public enum ComplaintReceiver { CountyBureau = 1, Station = 2 }

/// <summary>The person's satisfaction with the answer.</summary>
public enum Satisfaction { Satisfied = 1, BasicallySatisfied = 2, Dissatisfied = 3 }

/// <summary>
/// A profile's rules for complaints and suggestions (docs/requirements/public.md §4). Absent: <see cref="Default"/>,
/// the station receives and answers within 15 working days (platform defaults, stated as such).
/// </summary>
public sealed record ComplaintRules
{
    /// <summary>Who receives (Ledong 七（一）: the county bureau).</summary>
    public required Sourced<ComplaintReceiver> Receiver { get; init; }
    /// <summary>Working days from receipt to the answer (the documents say only 及时: a platform default).</summary>
    public required Sourced<int> AnswerWorkingDays { get; init; }

    public static readonly ComplaintRules Default = new()
    {
        Receiver = new(ComplaintReceiver.Station, "平台默认（文件未规定受理机关）", "由服务所在的社工站先行受理和答复；县民政局可查看和答复本县全部投诉建议。"),
        AnswerWorkingDays = new(15, "平台默认（文件只要求“及时”处理）", "自收到之日起15个工作日内答复（按国家法定节假日和调休安排计算工作日）。"),
    };
}

public static class ComplaintRulesValidation
{
    public static IEnumerable<(string Field, string Problem)> Problems(ComplaintRules r)
    {
        if (!Enum.IsDefined(r.Receiver.Value)) yield return ("complaints.receiver", "应为 countyBureau 或 station");
        if (string.IsNullOrWhiteSpace(r.Receiver.Source)) yield return ("complaints.receiver.source", "须注明出处");
        if (r.AnswerWorkingDays.Value is < 1 or > 60) yield return ("complaints.answerWorkingDays", "应在1到60个工作日之间");
        if (string.IsNullOrWhiteSpace(r.AnswerWorkingDays.Source)) yield return ("complaints.answerWorkingDays.source", "须注明出处");
    }
}

/// <summary>The answer's due day and whether it is overdue: the due day itself is on time, the day after is overdue.</summary>
public static class ComplaintDeadline
{
    public static WorkingDate DueOn(DateOnly receivedOn, int workingDays, WorkingCalendar calendar) => calendar.AddWorkingDays(receivedOn, workingDays);

    /// <summary>Answered after the due day, or not answered and today is past it.</summary>
    public static bool Overdue(DateOnly dueOn, DateOnly? answeredOn, DateOnly today) => (answeredOn ?? today) > dueOn;
}

/// <summary>
/// The tracking number (查询码) a person receives: 16 characters of Crockford base32 from a CSPRNG (80 bits), shown in
/// four groups. Only its SHA-256 is stored, so a copy of the database does not open the tracking page.
/// </summary>
public static class TrackingNumber
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 16;

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[Length];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[bytes[i] & 31];
        }
        return new string(chars);
    }

    /// <summary>For display: XXXX-XXXX-XXXX-XXXX.</summary>
    public static string Format(string number) => string.Join('-', Enumerable.Range(0, number.Length / 4).Select(i => number.Substring(i * 4, 4)));

    /// <summary>What a person typed, made canonical: case, spaces and dashes ignored, O/I/L read as 0/1/1; null when it cannot be a number.</summary>
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40) return null;
        var s = new string(input.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant)
            .Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c }).ToArray());
        return s.Length == Length && s.All(c => Alphabet.Contains(c)) ? s : null;
    }

    public static string Hash(string normalised) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(normalised)));
}

public static class ComplaintLabels
{
    public static string Kind(ComplaintKind k) => k switch { ComplaintKind.Complaint => "投诉", ComplaintKind.Suggestion => "建议", _ => "求助" };
    public static string Channel(ComplaintChannel c) => c switch
    {
        ComplaintChannel.Online => "网上提交", ComplaintChannel.Phone => "电话", ComplaintChannel.Letter => "信件", ComplaintChannel.Visit => "来访", _ => "意见箱",
    };
    public static string Receiver(ComplaintReceiver r) => r == ComplaintReceiver.CountyBureau ? "县（市、区）民政局" : "社工站";
    public static string SatisfactionText(Satisfaction s) => s switch { Satisfaction.Satisfied => "满意", Satisfaction.BasicallySatisfied => "基本满意", _ => "不满意" };
}

using System.Globalization;
using SocialWorkStation.Domain.IdNumbers;

namespace SocialWorkStation.Domain.Names;

/// <summary>
/// How personal data shows on screen by default (docs/requirements/domain.md §8: 张*三, 460***********1234).
/// Only a reveal with a reason, by a role that needs it, shows the full value.
/// </summary>
public static class Masking
{
    /// <summary>张三 → 张*, 张小三 → 张*三, 欧阳小华 → 欧**华; every character but the first and, from three on, the last.</summary>
    public static string Name(string? name)
    {
        var elements = TextElements((name ?? "").Trim());
        return elements.Count switch
        {
            0 => "",
            1 => "*",
            2 => elements[0] + "*",
            _ => elements[0] + new string('*', elements.Count - 2) + elements[^1],
        };
    }

    /// <summary>460***********1234.</summary>
    public static string IdNumber(string? value) => IdNumbers.IdNumber.Mask(value);

    /// <summary>13812345678 → 138****5678; short numbers show only their last two digits.</summary>
    public static string Phone(string? phone)
    {
        var p = (phone ?? "").Trim();
        if (p.Length == 0)
        {
            return "";
        }
        return p.Length >= 11 ? p[..3] + new string('*', p.Length - 7) + p[^4..]
            : p.Length > 2 ? new string('*', p.Length - 2) + p[^2..]
            : "**";
    }

    private static List<string> TextElements(string s)
    {
        var list = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(s);
        while (e.MoveNext())
        {
            list.Add((string)e.Current);
        }
        return list;
    }
}

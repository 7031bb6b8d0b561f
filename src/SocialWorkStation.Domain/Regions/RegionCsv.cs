using System.Globalization;
using System.Text;

namespace SocialWorkStation.Domain.Regions;

/// <summary>Administrative level of a region (GB/T 2260 / statistical division codes).</summary>
public enum RegionLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Township = 4,
    Village = 5,
}

/// <summary>
/// One administrative region in official code form: province, city and county codes have 6 digits
/// (e.g. 460000, 469000, 469030), townships 9 digits, villages 12 digits.
/// <paramref name="ParentCode"/> is the code of the level above in the same form; null for provinces.
/// </summary>
public sealed record RegionRow(string Code, string Name, RegionLevel Level, string? ParentCode);

/// <summary>
/// Parses the CSV files of the china-division package (provinces.csv, cities.csv, areas.csv,
/// streets.csv, villages.csv). Each file starts with a header line; columns are located by header name,
/// so column order does not matter and extra columns are ignored. Fields follow RFC 4180 (quoted fields,
/// doubled quotes, line breaks inside quotes). Malformed input throws <see cref="FormatException"/> whose
/// message starts with "Line N:" (1-based physical line; the header is line 1) and whose
/// <see cref="Exception.Data"/> holds the number under <see cref="LineNumberKey"/>.
/// </summary>
/// <remarks>
/// Special cases of the source data:
/// <list type="bullet">
/// <item>Cities without counties (东莞 4419, 中山 4420, 儋州 4604) appear in areas.csv with a pseudo-county whose
/// code is the city code followed by "00" (441900, 442000, 460400). In official form that is the city's own code,
/// so <see cref="ParseAreas"/> skips those rows; their townships keep parent 441900 etc., which is the city.</item>
/// <item>A township whose areaCode column is empty gets the city as parent.</item>
/// <item>Placeholder cities such as "市辖区" (1101) and "省直辖县级行政区划" (4690) are returned as ordinary cities
/// (110100, 469000).</item>
/// </list>
/// </remarks>
public static class RegionCsv
{
    /// <summary>Key in <see cref="Exception.Data"/> of a thrown <see cref="FormatException"/> holding the line number.</summary>
    public const string LineNumberKey = "LineNumber";

    private const int ProvinceDigits = 2;
    private const int CityDigits = 4;
    private const int CountyDigits = 6;
    private const int TownshipDigits = 9;
    private const int VillageDigits = 12;

    /// <summary>Parses provinces.csv (code,name). "46" becomes "460000".</summary>
    public static IEnumerable<RegionRow> ParseProvinces(TextReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return Provinces(r);
    }

    /// <summary>Parses cities.csv (code,name,provinceCode). "4690" becomes "469000", parent "460000".</summary>
    public static IEnumerable<RegionRow> ParseCities(TextReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return Cities(r);
    }

    /// <summary>
    /// Parses areas.csv (code,name,cityCode,provinceCode). Codes stay 6 digits, parent is the padded city code.
    /// Pseudo-counties whose code equals the padded city code (441900 东莞市 ...) are skipped.
    /// </summary>
    public static IEnumerable<RegionRow> ParseAreas(TextReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return Areas(r);
    }

    /// <summary>
    /// Parses streets.csv (code,name,areaCode,provinceCode,cityCode). Codes stay 9 digits, parent is the
    /// area code, or the padded city code when areaCode is empty.
    /// </summary>
    public static IEnumerable<RegionRow> ParseStreets(TextReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return Streets(r);
    }

    /// <summary>Parses villages.csv (code,name,streetCode,...). Codes stay 12 digits, parent is the street code.</summary>
    public static IEnumerable<RegionRow> ParseVillages(TextReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return Villages(r);
    }

    /// <summary>Parses a file of the given level.</summary>
    public static IEnumerable<RegionRow> Parse(RegionLevel level, TextReader r) => level switch
    {
        RegionLevel.Province => ParseProvinces(r),
        RegionLevel.City => ParseCities(r),
        RegionLevel.County => ParseAreas(r),
        RegionLevel.Township => ParseStreets(r),
        RegionLevel.Village => ParseVillages(r),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown region level."),
    };

    /// <summary>
    /// The level whose parser reads the given file: provinces.csv, cities.csv, areas.csv, streets.csv,
    /// villages.csv or villages-NN.csv (NN = digits, e.g. villages-46.csv). Case-insensitive; a directory part is
    /// ignored. Null for any other name.
    /// </summary>
    public static RegionLevel? LevelOfFile(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = Path.GetFileName(fileName).ToLowerInvariant();
        switch (name)
        {
            case "provinces.csv": return RegionLevel.Province;
            case "cities.csv": return RegionLevel.City;
            case "areas.csv": return RegionLevel.County;
            case "streets.csv": return RegionLevel.Township;
            case "villages.csv": return RegionLevel.Village;
        }

        const string prefix = "villages-";
        const string suffix = ".csv";
        if (name.Length > prefix.Length + suffix.Length
            && name.StartsWith(prefix, StringComparison.Ordinal)
            && name.EndsWith(suffix, StringComparison.Ordinal))
        {
            var middle = name.AsSpan(prefix.Length, name.Length - prefix.Length - suffix.Length);
            foreach (var c in middle)
            {
                if (c is < '0' or > '9')
                {
                    return null;
                }
            }

            return RegionLevel.Village;
        }

        return null;
    }

    private static IEnumerable<RegionRow> Provinces(TextReader r)
    {
        foreach (var row in ReadTable(r, "code", "name"))
        {
            var code = row.Code(0, ProvinceDigits);
            yield return new RegionRow(Pad(code), row.Name(1), RegionLevel.Province, null);
        }
    }

    private static IEnumerable<RegionRow> Cities(TextReader r)
    {
        foreach (var row in ReadTable(r, "code", "name", "provinceCode"))
        {
            var code = row.Code(0, CityDigits);
            var province = row.Code(2, ProvinceDigits);
            row.RequirePrefix(code, province);
            yield return new RegionRow(Pad(code), row.Name(1), RegionLevel.City, Pad(province));
        }
    }

    private static IEnumerable<RegionRow> Areas(TextReader r)
    {
        foreach (var row in ReadTable(r, "code", "name", "cityCode"))
        {
            var code = row.Code(0, CountyDigits);
            var city = row.Code(2, CityDigits);
            row.RequirePrefix(code, city);
            if (code == Pad(city))
            {
                // Pseudo-county of a city without counties (441900 东莞市): same code as the city itself.
                continue;
            }

            yield return new RegionRow(code, row.Name(1), RegionLevel.County, Pad(city));
        }
    }

    private static IEnumerable<RegionRow> Streets(TextReader r)
    {
        foreach (var row in ReadTable(r, "code", "name", "areaCode", "cityCode"))
        {
            var code = row.Code(0, TownshipDigits);
            var city = row.Code(3, CityDigits);
            string parent;
            if (row[2].Length == 0)
            {
                row.RequirePrefix(code, city);
                parent = Pad(city);
            }
            else
            {
                parent = row.Code(2, CountyDigits);
                row.RequirePrefix(parent, city);
                row.RequirePrefix(code, parent);
            }

            yield return new RegionRow(code, row.Name(1), RegionLevel.Township, parent);
        }
    }

    private static IEnumerable<RegionRow> Villages(TextReader r)
    {
        foreach (var row in ReadTable(r, "code", "name", "streetCode"))
        {
            var code = row.Code(0, VillageDigits);
            var street = row.Code(2, TownshipDigits);
            row.RequirePrefix(code, street);
            yield return new RegionRow(code, row.Name(1), RegionLevel.Village, street);
        }
    }

    /// <summary>Pads a 2- or 4-digit code with zeros to the 6-digit official form.</summary>
    private static string Pad(string code) => code.PadRight(CountyDigits, '0');

    private static FormatException Error(int line, string message)
    {
        var ex = new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {line}: {message}"));
        ex.Data[LineNumberKey] = line;
        return ex;
    }

    /// <summary>Reads the header, locates the required columns and yields the data rows.</summary>
    private static IEnumerable<Row> ReadTable(TextReader reader, params string[] required)
    {
        var csv = new CsvRecordReader(reader);
        List<string>? header = null;
        var headerLine = 0;
        while (csv.Read(out var line, out var fields))
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }

            header = fields;
            headerLine = line;
            break;
        }

        if (header is null)
        {
            throw Error(1, "missing header line.");
        }

        if (header[0].Length > 0 && header[0][0] == '\uFEFF')
        {
            header[0] = header[0][1..];
        }

        var map = new int[required.Length];
        for (var i = 0; i < required.Length; i++)
        {
            map[i] = -1;
            for (var j = 0; j < header.Count; j++)
            {
                if (string.Equals(header[j].Trim(), required[i], StringComparison.OrdinalIgnoreCase))
                {
                    if (map[i] >= 0)
                    {
                        throw Error(headerLine, $"duplicate column '{required[i]}' in header.");
                    }

                    map[i] = j;
                }
            }

            if (map[i] < 0)
            {
                throw Error(headerLine, $"missing column '{required[i]}' in header (expected {string.Join(",", required)}).");
            }
        }

        while (csv.Read(out var line, out var fields))
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }

            if (fields.Count != header.Count)
            {
                throw Error(line, string.Create(
                    CultureInfo.InvariantCulture,
                    $"expected {header.Count} fields but found {fields.Count}."));
            }

            yield return new Row(line, fields, map, required);
        }
    }

    /// <summary>A data row whose required columns are addressed by their position in the required list.</summary>
    private readonly struct Row(int line, List<string> fields, int[] map, string[] columns)
    {
        public string this[int column] => fields[map[column]];

        public string Code(int column, int digits)
        {
            var value = this[column];
            var ok = value.Length == digits;
            foreach (var c in value)
            {
                ok &= c is >= '0' and <= '9';
            }

            if (!ok)
            {
                throw Error(line, string.Create(
                    CultureInfo.InvariantCulture,
                    $"column '{columns[column]}' must be {digits} digits but was '{value}'."));
            }

            return value;
        }

        public string Name(int column)
        {
            var value = this[column];
            if (string.IsNullOrWhiteSpace(value))
            {
                throw Error(line, $"column '{columns[column]}' is empty.");
            }

            return value;
        }

        public void RequirePrefix(string code, string parent)
        {
            if (!code.StartsWith(parent, StringComparison.Ordinal))
            {
                throw Error(line, $"code '{code}' does not belong to parent '{parent}'.");
            }
        }
    }

    /// <summary>
    /// Minimal RFC 4180 reader: comma separated, fields optionally enclosed in double quotes, a quote inside a
    /// quoted field written as two quotes, CRLF, LF or CR line breaks, line breaks allowed inside quoted fields.
    /// A quote inside an unquoted field or text after a closing quote is an error.
    /// </summary>
    private sealed class CsvRecordReader(TextReader reader)
    {
        private readonly char[] buffer = new char[8192];
        private readonly StringBuilder field = new();
        private int position;
        private int length;
        private int line = 1;
        private bool atEnd;

        /// <summary>Reads one record; false at end of input. <paramref name="startLine"/> is its first line.</summary>
        public bool Read(out int startLine, out List<string> fields)
        {
            startLine = line;
            fields = [];
            if (Peek() < 0)
            {
                return false;
            }

            while (true)
            {
                field.Clear();
                if (Peek() == '"')
                {
                    ReadQuoted();
                }
                else
                {
                    ReadUnquoted();
                }

                fields.Add(field.ToString());
                var c = Next();
                switch (c)
                {
                    case ',':
                        continue;
                    case '\r':
                        if (Peek() == '\n')
                        {
                            Next();
                        }

                        line++;
                        return true;
                    case '\n':
                        line++;
                        return true;
                    default: // end of input
                        return true;
                }
            }
        }

        private void ReadUnquoted()
        {
            while (true)
            {
                var c = Peek();
                if (c is < 0 or ',' or '\r' or '\n')
                {
                    return;
                }

                if (c == '"')
                {
                    throw Error(line, "quote character inside an unquoted field.");
                }

                field.Append((char)Next());
            }
        }

        private void ReadQuoted()
        {
            var fieldLine = line;
            Next(); // opening quote
            while (true)
            {
                var c = Next();
                switch (c)
                {
                    case < 0:
                        throw Error(fieldLine, "quoted field is not closed before the end of the file.");
                    case '"':
                        if (Peek() == '"')
                        {
                            Next();
                            field.Append('"');
                            continue;
                        }

                        var after = Peek();
                        if (after is >= 0 and not (',' or '\r' or '\n'))
                        {
                            throw Error(line, "unexpected character after a closing quote.");
                        }

                        return;
                    case '\r':
                        field.Append('\r');
                        if (Peek() == '\n')
                        {
                            field.Append((char)Next());
                        }

                        line++;
                        continue;
                    case '\n':
                        field.Append('\n');
                        line++;
                        continue;
                    default:
                        field.Append((char)c);
                        continue;
                }
            }
        }

        private int Peek()
        {
            if (position == length)
            {
                if (atEnd)
                {
                    return -1;
                }

                length = reader.Read(buffer, 0, buffer.Length);
                position = 0;
                if (length <= 0)
                {
                    length = 0;
                    atEnd = true;
                    return -1;
                }
            }

            return buffer[position];
        }

        private int Next()
        {
            var c = Peek();
            if (c >= 0)
            {
                position++;
            }

            return c;
        }
    }
}

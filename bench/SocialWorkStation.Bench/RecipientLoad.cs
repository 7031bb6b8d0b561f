using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Stations;

/// <summary>
/// The recipients of the search benchmark (Program.cs) and the province generator (ProvinceBench): generated with
/// the platform's own field code (encryption, keyed hashes, pinyin keys) and loaded with binary COPY.
/// </summary>
internal static class RecipientLoad
{
    public static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
        "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟",
        "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武",
        "戴", "莫", "孔", "向", "汤", "单", "解"];

    public const string Given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红梅鑫波斌宇浩凯秀珍健俊帆雪琳晨欣建国建华国强志强文海春花金凤德明永红小龙海燕长青";

    /// <summary>A Chinese name of two or three characters from the common surnames and given-name characters.</summary>
    public static string Name(Random random) =>
        Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)] + (random.Next(3) == 0 ? "" : Given[random.Next(Given.Length)].ToString());

    /// <summary>
    /// Synthetic recipients <paramref name="start"/> … start+count−1, the n-th at station n mod stations: each with a valid
    /// GB 11643 ID number (unique for n below 32 million), its birth date and phone encrypted, the keyed hashes and the pinyin
    /// keys, exactly as the platform stores them. <paramref name="shape"/> may adjust a row (registration date, worker …)
    /// before it is written; it runs after the fields this method sets.
    /// </summary>
    public static IEnumerable<Recipient> Generate(int count, IReadOnlyList<Platform> stations, RecipientProtector p, int seed, Func<Platform, string> addressCode,
        Action<Recipient, Random>? shape = null, int start = 0)
    {
        var random = new Random(seed);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var born = new DateOnly(1930, 1, 1);
        for (var n = start; n < start + count; n++)
        {
            var station = stations[n % stations.Count];
            // Unique per station by construction: the birth day and sequence walk through n.
            var birth = born.AddDays((int)((n * 7919L) % 32000));
            // Unique for each birth day (k < 1000), and spread over all 1,000 sequences so the ID tails are realistic.
            var sequence = (int)(((n / 32000) * 389L + (n % 32000) * 7L) % 1000);
            var first17 = addressCode(station) + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
            var id = IdNumber.TryParse(first17 + IdNumber.CheckChar(first17), out _)!;
            var name = Name(random);
            var r = new Recipient
            {
                StationId = station.Id, CreatedAt = DateTime.UtcNow, RegisteredOn = today,
                CategoryMask = 1L << random.Next(0, 20), RiskLevel = (RiskLevel)random.Next(0, 4), ConsentGiven = true, ConsentOn = today, ConsentBy = ConsentGiver.Self,
            };
            RecipientFields.SetIdentity(r, id, p);
            RecipientFields.SetPhone(r, "13" + random.Next(100000000, 999999999).ToString(CultureInfo.InvariantCulture), p);
            RecipientFields.SetName(r, name);
            shape?.Invoke(r, random);
            yield return r;
        }
    }

    public static async Task<int> Copy(string connection, IEnumerable<Recipient> rows, RecipientProtector? protector, List<(Guid, Guid, string, string)>? samples, int sampleEvery)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var tx = await c.BeginTransactionAsync();
        var keys = new List<(Guid, Guid, string)>();
        var n = 0;
        await using (var w = await c.BeginBinaryImportAsync(
            "COPY \"Recipients\" (\"Id\", \"StationId\", \"Relation\", \"Name\", \"Sex\", \"BirthYear\", \"BirthDateCipher\", \"IdNumberCipher\", \"IdNumberHash\", \"IdTailHash\", " +
            "\"PhoneCipher\", \"CategoryMask\", \"RiskLevel\", \"WorkerId\", \"Status\", \"RegisteredOn\", \"ConsentGiven\", \"ConsentOn\", \"ConsentBy\", \"SensitiveConsent\", \"RosterMask\", \"CreatedAt\", \"Version\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows)
            {
                await w.StartRowAsync();
                await w.WriteAsync(r.Id, NpgsqlDbType.Uuid);
                await w.WriteAsync(r.StationId, NpgsqlDbType.Uuid);
                await w.WriteAsync((int)r.Relation, NpgsqlDbType.Integer);
                await w.WriteAsync(r.Name, NpgsqlDbType.Varchar);
                await w.WriteAsync((int)r.Sex, NpgsqlDbType.Integer);
                await w.WriteAsync(r.BirthYear, NpgsqlDbType.Integer);
                await w.WriteAsync(r.BirthDateCipher, NpgsqlDbType.Bytea);
                await w.WriteAsync(r.IdNumberCipher, NpgsqlDbType.Bytea);
                await w.WriteAsync(r.IdNumberHash, NpgsqlDbType.Varchar);
                await w.WriteAsync(r.IdTailHash, NpgsqlDbType.Varchar);
                await w.WriteAsync(r.PhoneCipher!, NpgsqlDbType.Bytea);
                await w.WriteAsync(r.CategoryMask, NpgsqlDbType.Bigint);
                await w.WriteAsync((int)r.RiskLevel, NpgsqlDbType.Integer);
                if (r.WorkerId is { } worker) await w.WriteAsync(worker, NpgsqlDbType.Uuid); else await w.WriteNullAsync();
                await w.WriteAsync((int)r.Status, NpgsqlDbType.Integer);
                await w.WriteAsync(r.RegisteredOn, NpgsqlDbType.Date);
                await w.WriteAsync(r.ConsentGiven, NpgsqlDbType.Boolean);
                await w.WriteAsync(r.ConsentOn!.Value, NpgsqlDbType.Date);
                await w.WriteAsync((int)r.ConsentBy!.Value, NpgsqlDbType.Integer);
                await w.WriteAsync(r.SensitiveConsent, NpgsqlDbType.Boolean);
                await w.WriteAsync(r.RosterMask, NpgsqlDbType.Bigint);
                await w.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(1, NpgsqlDbType.Integer);
                keys.AddRange(r.NameKeys.Select(k => (r.Id, r.StationId, k.Key)));
                if (samples is not null && protector is not null && n % sampleEvery == 0)
                {
                    samples.Add((r.Id, r.StationId, protector.Decrypt(r.IdNumberCipher, Recipient.Context(r.Id, "idNumber")), r.Name));
                }
                n++;
            }
            await w.CompleteAsync();
        }
        await CopyKeys(c, keys);
        await tx.CommitAsync();
        return n;
    }

    private static async Task CopyKeys(NpgsqlConnection c, List<(Guid Id, Guid StationId, string Key)> keys)
    {
        await using var w = await c.BeginBinaryImportAsync("COPY \"RecipientNameKeys\" (\"RecipientId\", \"StationId\", \"Key\") FROM STDIN (FORMAT BINARY)");
        foreach (var (id, station, key) in keys)
        {
            await w.StartRowAsync();
            await w.WriteAsync(id, NpgsqlDbType.Uuid);
            await w.WriteAsync(station, NpgsqlDbType.Uuid);
            await w.WriteAsync(key, NpgsqlDbType.Varchar);
        }
        await w.CompleteAsync();
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// Binary COPY into a table of the platform's schema, with the table name, column names and column types read
/// from the EF model (the same mapping the migrations created), so the generator writes every column the way
/// EF stores it: enums as integers, DateOnly as date, DateTime as timestamp with time zone (UTC).
/// Writes are typed and checked against the model's provider type; a required column the generator does not
/// write is an error at the start, so a column added by a later migration fails loudly instead of loading
/// half-valid rows.
/// </summary>
internal sealed class TableCopy : IAsyncDisposable
{
    private readonly NpgsqlBinaryImporter _importer;
    private readonly NpgsqlTransaction? _transaction;
    private readonly NpgsqlDbType[] _types;
    private readonly Type[] _clr;
    private readonly string[] _names;
    private int _column;

    public string Table { get; }
    public long Rows { get; private set; }

    private TableCopy(string table, NpgsqlBinaryImporter importer, NpgsqlTransaction? transaction, NpgsqlDbType[] types, Type[] clr, string[] names)
    {
        Table = table;
        _importer = importer;
        _transaction = transaction;
        _types = types;
        _clr = clr;
        _names = names;
        _column = names.Length;
    }

    /// <summary>Starts COPY of the named properties of <typeparamref name="T"/>, in that order.</summary>
    public static TableCopy Begin<T>(NpgsqlConnection connection, IModel model, params string[] properties)
    {
        var map = ColumnMap.Of<T>(model, properties);
        var sql = $"COPY {Quote(map.Table)} ({string.Join(", ", map.Columns.Select(Quote))}) FROM STDIN (FORMAT BINARY)";
        return new TableCopy(map.Table, connection.BeginBinaryImport(sql), null, map.Types, map.Clr, map.Columns);
    }

    /// <summary>
    /// COPY … FREEZE into an empty table no other table references (its foreign keys dropped for the load): the
    /// table is truncated in the same transaction, so PostgreSQL writes the rows frozen and all-visible, and the
    /// big tables need no vacuum pass afterwards (nor an autovacuum during the benchmark). Falls back to a plain
    /// COPY when another table still references it.
    /// </summary>
    public static TableCopy BeginFrozen<T>(NpgsqlConnection connection, IModel model, params string[] properties)
    {
        var map = ColumnMap.Of<T>(model, properties);
        using (var check = new NpgsqlCommand("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND confrelid = $1::regclass", connection))
        {
            check.Parameters.AddWithValue(Quote(map.Table));
            if ((long)check.ExecuteScalar()! > 0)
            {
                return Begin<T>(connection, model, properties);
            }
        }
        var tx = connection.BeginTransaction();
        using (var truncate = new NpgsqlCommand($"TRUNCATE {Quote(map.Table)}", connection, tx))
        {
            truncate.ExecuteNonQuery();
        }
        var sql = $"COPY {Quote(map.Table)} ({string.Join(", ", map.Columns.Select(Quote))}) FROM STDIN (FORMAT BINARY, FREEZE)";
        return new TableCopy(map.Table, connection.BeginBinaryImport(sql), tx, map.Types, map.Clr, map.Columns);
    }

    public TableCopy Row()
    {
        if (_column != _names.Length)
        {
            throw new InvalidOperationException($"{Table}: a row ended after {_column} of {_names.Length} columns");
        }
        _importer.StartRow();
        _column = 0;
        Rows++;
        return this;
    }

    public TableCopy Put<TValue>(TValue value)
    {
        var i = _column++;
        if (typeof(TValue) != _clr[i])
        {
            throw new InvalidOperationException($"{Table}.{_names[i]} is stored as {_clr[i].Name}, the generator wrote {typeof(TValue).Name}");
        }
        _importer.Write(value, _types[i]);
        return this;
    }

    /// <summary>A nullable value: NULL when absent.</summary>
    public TableCopy Opt<TValue>(TValue? value) where TValue : struct => value is { } v ? Put(v) : Null();

    /// <summary>A nullable reference value (string, byte[]): NULL when absent.</summary>
    public TableCopy OptRef<TValue>(TValue? value) where TValue : class => value is null ? Null() : Put(value);

    public TableCopy Null()
    {
        _column++;
        _importer.WriteNull();
        return this;
    }

    public async ValueTask<ulong> CompleteAsync()
    {
        var rows = await _importer.CompleteAsync();
        await _importer.DisposeAsync();
        if (_transaction is not null)
        {
            await _transaction.CommitAsync();
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await _importer.DisposeAsync();
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The table of an entity as the model maps it (for counts and index management).</summary>
    public static string TableOf<T>(IModel model) =>
        (model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not in the model")).GetTableName()!;

    private sealed record ColumnMap(string Table, string[] Columns, NpgsqlDbType[] Types, Type[] Clr)
    {
        public static ColumnMap Of<T>(IModel model, string[] properties)
        {
            var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not in the model");
            var table = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var columns = new string[properties.Length];
            var types = new NpgsqlDbType[properties.Length];
            var clr = new Type[properties.Length];
            for (var i = 0; i < properties.Length; i++)
            {
                var p = entity.FindProperty(properties[i]) ?? throw new InvalidOperationException($"{typeof(T).Name}.{properties[i]} is not mapped");
                var column = p.GetTableColumnMappings().Single(m => m.Column.Table.Name == table).Column;
                columns[i] = p.GetColumnName(store) ?? column.Name;
                types[i] = TypeOf(column.StoreType, $"{table}.{columns[i]}");
                var provider = p.GetTypeMapping().Converter?.ProviderClrType ?? p.ClrType;
                clr[i] = Nullable.GetUnderlyingType(provider) ?? provider;
            }
            // Every column that may not be NULL and has no default or generated value must be written.
            var written = columns.ToHashSet(StringComparer.Ordinal);
            var missing = model.GetRelationalModel().FindTable(table, entity.GetSchema())!.Columns
                .Where(c => !written.Contains(c.Name) && !c.IsNullable && c.DefaultValueSql is null && c.DefaultValue is null
                            && c.PropertyMappings.All(m => m.Property.ValueGenerated == ValueGenerated.Never))
                .Select(c => c.Name).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"{table}: the generator does not write the required column(s) {string.Join(", ", missing)}");
            }
            return new ColumnMap(table, columns, types, clr);
        }

        private static NpgsqlDbType TypeOf(string storeType, string where)
        {
            var t = storeType.ToLower(CultureInfo.InvariantCulture);
            var paren = t.IndexOf('(', StringComparison.Ordinal);
            var bare = paren < 0 ? t : t[..paren].Trim();
            return bare switch
            {
                "uuid" => NpgsqlDbType.Uuid,
                "integer" => NpgsqlDbType.Integer,
                "bigint" => NpgsqlDbType.Bigint,
                "smallint" => NpgsqlDbType.Smallint,
                "boolean" => NpgsqlDbType.Boolean,
                "date" => NpgsqlDbType.Date,
                "timestamp with time zone" => NpgsqlDbType.TimestampTz,
                "time without time zone" => NpgsqlDbType.Time,
                "character varying" => NpgsqlDbType.Varchar,
                "text" => NpgsqlDbType.Text,
                "bytea" => NpgsqlDbType.Bytea,
                "numeric" => NpgsqlDbType.Numeric,
                "double precision" => NpgsqlDbType.Double,
                _ => throw new InvalidOperationException($"{where}: store type {storeType} is not handled by the generator"),
            };
        }
    }
}

/// <summary>
/// Drops the non-unique indexes and the foreign keys of the tables being bulk-loaded, and puts them back
/// afterwards from the definitions PostgreSQL held (pg_get_indexdef / pg_get_constraintdef, i.e. exactly what
/// the migrations created). Re-adding a foreign key validates every row, so the load is checked at the end.
/// Primary keys and unique indexes stay in place during the load.
/// </summary>
internal sealed class DeferredIndexes
{
    private readonly List<(string Name, string Definition)> _indexes = [];
    private readonly List<(string Table, string Name, string Definition)> _foreignKeys = [];

    public int IndexCount => _indexes.Count;
    public int ForeignKeyCount => _foreignKeys.Count;

    public static async Task<DeferredIndexes> DropAsync(NpgsqlConnection c, IReadOnlyCollection<string> tables)
    {
        var d = new DeferredIndexes();
        await using (var cmd = new NpgsqlCommand("""
            SELECT format('%I', ci.relname), pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ci ON ci.oid = i.indexrelid
            WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1) AND NOT i.indisunique AND NOT i.indisprimary
            ORDER BY t.relname, ci.relname
            """, c))
        {
            cmd.Parameters.AddWithValue(tables.ToArray());
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                d._indexes.Add((r.GetString(0), r.GetString(1)));
            }
        }
        await using (var cmd = new NpgsqlCommand("""
            SELECT format('%I', t.relname), format('%I', k.conname), pg_get_constraintdef(k.oid)
            FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
            WHERE k.contype = 'f' AND t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1)
            ORDER BY t.relname, k.conname
            """, c))
        {
            cmd.Parameters.AddWithValue(tables.ToArray());
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                d._foreignKeys.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
            }
        }
        foreach (var (table, name, _) in d._foreignKeys)
        {
            await Exec(c, $"ALTER TABLE {table} DROP CONSTRAINT {name}");
        }
        foreach (var (name, _) in d._indexes)
        {
            await Exec(c, $"DROP INDEX {name}");
        }
        return d;
    }

    /// <summary>Builds the indexes (largest tables benefit from the session's maintenance_work_mem) and re-adds and validates the foreign keys.</summary>
    public async Task RestoreAsync(NpgsqlConnection c, Action<string>? log = null)
    {
        await Exec(c, "SET maintenance_work_mem = '1GB'");
        await Exec(c, "SET work_mem = '256MB'");
        foreach (var (name, definition) in _indexes)
        {
            var t = System.Diagnostics.Stopwatch.StartNew();
            await Exec(c, definition);
            log?.Invoke($"  索引 {name}: {t.Elapsed.TotalSeconds:0.0} 秒");
        }
        foreach (var (table, name, definition) in _foreignKeys)
        {
            var t = System.Diagnostics.Stopwatch.StartNew();
            await Exec(c, $"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}");
            if (t.Elapsed.TotalSeconds >= 1)
            {
                log?.Invoke($"  外键 {table}.{name}: {t.Elapsed.TotalSeconds:0.0} 秒");
            }
        }
        await Exec(c, "RESET maintenance_work_mem");
        await Exec(c, "RESET work_mem");
    }

    public static async Task Exec(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }
}

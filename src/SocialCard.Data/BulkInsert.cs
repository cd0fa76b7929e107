using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace SocialCard.Data;

/// <summary>
/// Inserts many new rows of one entity type without the change tracker: a reused prepared INSERT on
/// SQLite, binary COPY on PostgreSQL. Columns, names and value conversions come from the EF model, so
/// the table layout is defined once. Runs inside the context's current transaction when there is one.
/// Database-generated keys are not read back: use it for rows the caller does not touch again.
/// </summary>
public static class BulkInsert
{
    public static async Task InsertAsync<TEntity>(AppDbContext db, IReadOnlyCollection<TEntity> entities, CancellationToken ct = default)
        where TEntity : class
    {
        if (entities.Count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .Select(p => new Column(p, p.GetColumnName(table)!, p.GetRelationalTypeMapping()))
            .ToList();

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            switch (connection)
            {
                case NpgsqlConnection npgsql:
                    await CopyAsync(npgsql, table, columns, entities, ct);
                    break;
                case SqliteConnection sqlite:
                    await InsertRowsAsync(sqlite, transaction, table, columns, entities, ct);
                    break;
                default:
                    throw new NotSupportedException($"Bulk insert is not implemented for {connection.GetType().Name}.");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task CopyAsync<TEntity>(NpgsqlConnection connection, StoreObjectIdentifier table, List<Column> columns, IEnumerable<TEntity> entities, CancellationToken ct)
        where TEntity : class
    {
        var sql = $"COPY {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var writer = await connection.BeginBinaryImportAsync(sql, ct);
        foreach (var entity in entities)
        {
            await writer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                var value = column.ProviderValue(entity);
                if (value is null)
                {
                    await writer.WriteNullAsync(ct);
                }
                else
                {
                    await writer.WriteAsync(value, column.PostgresType, ct);
                }
            }
        }

        await writer.CompleteAsync(ct);
    }

    private static async Task InsertRowsAsync<TEntity>(
        SqliteConnection connection, DbTransaction? transaction, StoreObjectIdentifier table, List<Column> columns, IEnumerable<TEntity> entities, CancellationToken ct)
        where TEntity : class
    {
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)transaction;
        command.CommandText = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        await command.PrepareAsync(ct);
        foreach (var entity in entities)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].ProviderValue(entity) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        /// <summary>PostgreSQL type name without length or precision, as binary COPY wants it.</summary>
        public string PostgresType { get; } = Mapping.StoreType.Split('(')[0].Trim();

        public object? ProviderValue(object entity)
        {
            var value = Property.GetGetter().GetClrValueUsingContainingEntity(entity);
            if (value is null)
            {
                return null;
            }

            var converted = Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
            return converted is Enum e ? Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture) : converted;
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocialCard.Benchmarks;
using SocialCard.Core.Batches;
using SocialCard.Core.Common;
using SocialCard.Core.Persons;
using SocialCard.Core.Rosters;
using SocialCard.Core.Units;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Rosters;

// Console harness for the roster pipeline (upload → validated → stored). One measurement per process,
// so the peak working set belongs to that measurement alone. Run through benchmarks/run-rosters.sh.
//   generate FILE ROWS ERROR_RATE
//   import FILE Sqlite|Postgres [CONNECTION_STRING]
switch (args.FirstOrDefault())
{
    case "generate" when args.Length == 4:
        RosterFileGenerator.Write(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), double.Parse(args[3], CultureInfo.InvariantCulture));
        Console.WriteLine($"wrote {args[1]} ({new FileInfo(args[1]).Length / 1024 / 1024.0:0.0} MB)");
        return 0;
    case "import" when args.Length >= 3:
        return await ImportAsync(args[1], Enum.Parse<DatabaseProvider>(args[2], ignoreCase: true), args.ElementAtOrDefault(3));
    default:
        Console.Error.WriteLine("usage: generate FILE ROWS ERROR_RATE | import FILE Sqlite|Postgres [CONNECTION_STRING]");
        return 2;
}

static async Task<int> ImportAsync(string file, DatabaseProvider provider, string? connection)
{
    var work = Directory.CreateTempSubdirectory("sc-bench-");
    connection ??= $"Data Source={Path.Combine(work.FullName, "bench.db")}";
    if (provider == DatabaseProvider.Postgres)
    {
        // A fresh database per run, like SQLite's fresh file: earlier runs' persons would turn every row
        // into a DUPLICATE_ID_ELSEWHERE warning.
        var admin = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        var database = "socialcard_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var db = new Npgsql.NpgsqlConnection(admin.ConnectionString))
        {
            await db.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{database}\"", db);
            await create.ExecuteNonQueryAsync();
        }

        admin.Database = database;
        connection = admin.ConnectionString;
    }
    var services = new ServiceCollection()
        .AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning).AddFilter("SocialCard.Web.Rosters", LogLevel.Information).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None))
        .AddSingleton(TimeProvider.System)
        .AddDbContext<AppDbContext>(o => o.UseProvider(provider, connection))
        .AddSingleton(new PersonValidationOptions { AddressMaxLength = 24 })
        .AddSingleton<PersonValidation>()
        .AddSingleton(new RosterSettings { MaxBytes = 200 * 1024 * 1024, MaxRows = 200_000 })
        .AddSingleton<IRosterReader, RosterReader>()
        .AddScoped<AuditLog>()
        .AddScoped<RosterImport>()
        .BuildServiceProvider();

    await using (var scope = services.CreateAsyncScope())
    {
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
    }

    // Warm-up: a server has run its code before; the first call's JIT time is not the pipeline's speed.
    var warmup = Path.Combine(work.FullName, "warmup.xlsx");
    RosterFileGenerator.Write(warmup, 2_000, 0.05, seed: 1);
    for (var i = 0; i < 3; i++)
    {
        await ImportOnceAsync(services, provider, warmup);

        // Tiered compilation promotes hot methods in the background once no new code is being jitted.
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    var batchId = await NewBatchAsync(services);
    GC.Collect();
    var baseline = Process.GetCurrentProcess().WorkingSet64;
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    Result<RosterImported> outcome;
    await using (var scope = services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var batch = await db.Batches.SingleAsync(b => b.Id == batchId);
        // As the upload page does: the file read from disk (the form's temporary file), into memory by the importer.
        await using var content = File.OpenRead(file);
        outcome = await scope.ServiceProvider.GetRequiredService<RosterImport>().ImportAsync(batch, Path.GetFileName(file), content, "bench");
    }

    clock.Stop();
    var peak = Process.GetCurrentProcess().PeakWorkingSet64;
    var upload = outcome.Value?.Upload ?? throw new InvalidOperationException(outcome.Error);
    if (!upload.Accepted)
    {
        Console.Error.WriteLine("file refused: " + string.Join("; ", outcome.Value.Findings.Select(f => f.Finding.Message)));
        return 1;
    }

    await using (var scope = services.CreateAsyncScope())
    {
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons.CountAsync(p => p.BatchId == batchId);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider,-8} {Path.GetFileName(file),-24} rows={upload.Rows} stored={stored} errors={upload.Errors} time={clock.Elapsed.TotalSeconds:0.00}s " +
            $"rate={upload.Rows / clock.Elapsed.TotalSeconds:0} rows/s peak={peak / 1024 / 1024} MB (before: {baseline / 1024 / 1024} MB) allocated={(GC.GetTotalAllocatedBytes(true) - allocatedBefore) / 1024 / 1024} MB"));
    }

    work.Delete(recursive: true);
    return 0;
}

static async Task<int> NewBatchAsync(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var unit = new Unit("B" + Guid.NewGuid().ToString("N")[..12], "基准测试单位", UnitType.Employer);
    db.Units.Add(unit);
    await db.SaveChangesAsync();
    var batch = new CollectionBatch(unit.Id, "基准批次", "bench", DateTimeOffset.UtcNow);
    db.Batches.Add(batch);
    await db.SaveChangesAsync();
    return batch.Id;
}

static async Task ImportOnceAsync(IServiceProvider services, DatabaseProvider provider, string file)
{
    var batchId = await NewBatchAsync(services);
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var batch = await db.Batches.SingleAsync(b => b.Id == batchId);
    await using var content = File.OpenRead(file);
    await scope.ServiceProvider.GetRequiredService<RosterImport>().ImportAsync(batch, Path.GetFileName(file), content, "bench");
    _ = provider;
}

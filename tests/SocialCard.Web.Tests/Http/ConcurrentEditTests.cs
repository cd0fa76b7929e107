using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Persons;
using SocialCard.Data;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Http;

/// <summary>
/// The safety net behind the batch lock: a write that changed a person without the lock (simulated by a hook that
/// rewrites the person's version inside the delete's own transaction, just before the delete is saved) makes the
/// concurrency token refuse the delete, and the clerk sees the portal's Chinese conflict page (409), not a 500
/// page; nothing of the transaction is kept. (Two clerks through the portal are serialised by the batch lock and
/// never meet here: see Faults/BatchRaceTests.)
/// </summary>
public abstract class ConcurrentEditTests(InterleavingPortalFactory factory)
{
    [Fact]
    public async Task A_delete_overtaken_by_a_colleagues_edit_answers_409_with_the_Chinese_conflict_message()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        using var clerk = await PortalClient.SignedInAsync(factory, unit.Number);
        var batchId = await Rosters.RosterTests.CreateBatchAsync(clerk);
        var add = await clerk.SubmitAsync($"/Unit/Persons/Edit/{batchId}", "form.card", PortalTests.PersonFormValues("孙八", Ids.Make(year: 1977), "男"));
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        int personId;
        await using (var scope = factory.CreateScope())
        {
            personId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons.Where(p => p.BatchId == batchId).Select(p => p.Id).SingleAsync();
        }

        var details = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}");
        factory.Hook.BeforeSavingADeletedPerson = context => context.Database.ExecuteSqlRawAsync(
            "UPDATE persons SET \"Version\" = {0} WHERE \"Id\" = {1}", Guid.NewGuid(), personId);
        var response = await clerk.SubmitAsync(details, $"/Unit/Batches/Details/{batchId}", "form[action*='DeletePerson']", []);
        Assert.Null(factory.Hook.BeforeSavingADeletedPerson);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("此记录刚被他人修改过，您的修改未保存。请刷新页面核对后再试。", page.QuerySelector("main")!.TextContent);

        await using var check = factory.CreateScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<AppDbContext>().Persons.AnyAsync(p => p.Id == personId));
    }
}

/// <summary>Runs a test's action once, just before a SaveChanges that deletes a person writes anything.</summary>
public sealed class SaveHook : SaveChangesInterceptor
{
    private Func<DbContext, Task>? _beforeSavingADeletedPerson;

    public Func<DbContext, Task>? BeforeSavingADeletedPerson
    {
        get => Volatile.Read(ref _beforeSavingADeletedPerson);
        set => Volatile.Write(ref _beforeSavingADeletedPerson, value);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context!.ChangeTracker.Entries<InsuredPerson>().Any(e => e.State == EntityState.Deleted)
            && Interlocked.Exchange(ref _beforeSavingADeletedPerson, null) is { } action)
        {
            await action(eventData.Context);
        }

        return result;
    }
}

public class InterleavingPortalFactory(DatabaseProvider provider) : PortalFactory(provider)
{
    public SaveHook Hook { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<AppDbContext>((_, options) => options.AddInterceptors(Hook)));
    }
}

public sealed class SqliteInterleavingPortalFactory() : InterleavingPortalFactory(DatabaseProvider.Sqlite);

public sealed class PostgresInterleavingPortalFactory() : InterleavingPortalFactory(DatabaseProvider.Postgres);

public sealed class SqliteConcurrentEditTests(SqliteInterleavingPortalFactory factory) : ConcurrentEditTests(factory), IClassFixture<SqliteInterleavingPortalFactory>;

public sealed class PostgresConcurrentEditTests(PostgresInterleavingPortalFactory factory) : ConcurrentEditTests(factory), IClassFixture<PostgresInterleavingPortalFactory>;

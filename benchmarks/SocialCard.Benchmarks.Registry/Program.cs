using System.Diagnostics;
using System.Globalization;
using SocialCard.Core.Registry;

// Registry comparison benchmark: COUNT persons (95% from the population, 1% of those altered by the "unit",
// 5% valid ID numbers the registry does not know) compared against a mock of SIZE persons, in one process after a warm-up.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var size = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
const int Seed = 2026;

var build = Stopwatch.StartNew();
var registry = new MockIdentityRegistry(new MockRegistryOptions { Size = size, Seed = Seed, DifferenceShare = 0.05 });
build.Stop();

var known = (int)(count * 0.95);
var queries = new List<RegistryQuery>(count);
var index = 0;
foreach (var person in RegistryPopulation.Persons(Seed, known, start: 0))
{
    // Spread the known persons over the whole population (every k-th position would need random access; the first
    // `known` positions are already spread over regions and dates by the permutation).
    var query = person.ToQuery();
    queries.Add(index++ % 100 == 0 ? query with { Name = person.Name + "子" } : query);
}

queries.AddRange(RegistryPopulation.Persons(Seed, count - known, start: size).Select(p => p.ToQuery()));

// Warm-up (a running server has jitted its code).
await registry.CompareAsync(queries.Take(2_000).ToList(), CancellationToken.None);

GC.Collect();
var before = Environment.WorkingSet;
var watch = Stopwatch.StartNew();
var result = await registry.CompareAsync(queries, CancellationToken.None);
watch.Stop();

var all = result.Comparisons;
var found = all.Count(c => c.Found);
var matched = all.Count(c => c.AllMatch);
int Mismatches(RegistryItem item) => all.Count(c => c[item] == ItemResult.Mismatch);
using var process = Process.GetCurrentProcess();
process.Refresh();

Console.WriteLine($"mock: {size:N0} persons, built in {build.Elapsed.TotalMilliseconds:0.0} ms");
Console.WriteLine($"batch: {count:N0} persons ({known:N0} from the population, {known / 100:N0} with an altered name, {count - known:N0} unknown)");
Console.WriteLine($"completed: {result.Completed}, compared: {all.Count:N0}, found: {found:N0}, all items match: {matched:N0}, not found: {all.Count - found:N0}");
Console.WriteLine($"mismatches: name {Mismatches(RegistryItem.Name):N0}, ethnicity {Mismatches(RegistryItem.Ethnicity):N0}, birth date {Mismatches(RegistryItem.BirthDate):N0}, sex {Mismatches(RegistryItem.Sex):N0}; no photo {all.Count(c => c.Found && !c.HasPhoto):N0}");
Console.WriteLine($"time: {watch.Elapsed.TotalSeconds:0.000} s ({count / watch.Elapsed.TotalSeconds:N0} persons/s)");
Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1_048_576.0:0} MB, before the comparison: {before / 1_048_576.0:0} MB");

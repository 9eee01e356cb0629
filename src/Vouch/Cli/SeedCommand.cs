using System.CommandLine;
using Vouch.Data;
using Vouch.Seeding;

namespace Vouch.Cli;

public static class SeedCommand
{
    public static Command Create(string[] hostArgs)
    {
        var demo = new Option<bool>("--demo") { Description = "A small demo program with one user per role (password " + DemoData.Password + ")." };
        var scale = new Option<int?>("--scale")
        {
            Description = "A synthetic customer base of N contacts (about N/10 accounts, deals over three years, and the advocacy programs) " +
                "for measuring; bulk-loaded, without audit entries, into a database without accounts.",
            HelpName = "N",
        };
        var ideas = new Option<int?>("--ideas")
        {
            Description = "A synthetic idea exchange of N ideas for measuring (with --votes, and contacts from --scale as voters when there are any); " +
                "bulk-loaded, without audit entries, into a database without ideas.",
            HelpName = "N",
        };
        var programs = new Option<bool>("--programs")
        {
            Description = "The advocacy programs (referrals, events, executives' conversations, account reviews) of a database seeded with " +
                "--scale before they were part of it; bulk-loaded, without audit entries, into a database without them.",
        };
        var votes = new Option<long>("--votes") { Description = "How many votes the --ideas get in all, from generated voters.", HelpName = "M" };
        var tokens = new Option<int>("--tokens") { Description = "Also make access tokens for this many voters (for a load run).", HelpName = "T" };
        var tokensFile = new Option<FileInfo?>("--tokens-file") { Description = "Where the tokens' plain text goes, one a line.", HelpName = "FILE" };
        var seed = new Command("seed", "Fill an empty database with data to try or measure Vouch with.") { demo, scale, programs, ideas, votes, tokens, tokensFile };
        seed.SetAction((parse, ct) =>
        {
            var contacts = parse.GetValue(scale);
            if (parse.GetValue(ideas) is { } ideaCount)
            {
                return SeedIdeas(hostArgs, ideaCount, parse.GetValue(votes), parse.GetValue(tokens), parse.GetValue(tokensFile), ct);
            }
            if (parse.GetValue(programs))
            {
                return CliHost.RunAsync(hostArgs, SeedProgramsAsync, ct);
            }
            if (parse.GetValue(demo) == contacts.HasValue)
            {
                return Task.FromResult(CliHost.Fail(CliHost.InvalidInput, "Say what to seed: --demo or --scale N (one of them)."));
            }
            if (contacts is < 1 or > ScaleData.MaxContacts)
            {
                return Task.FromResult(CliHost.Fail(CliHost.InvalidInput, $"--scale must be between 1 and {ScaleData.MaxContacts:N0}."));
            }
            return CliHost.RunAsync(hostArgs, (services, token) =>
                contacts is { } n ? SeedScaleAsync(services, n, token) : SeedDemoAsync(services, token), ct);
        });
        return seed;
    }

    private static Task<int> SeedIdeas(string[] hostArgs, int ideas, long votes, int tokens, FileInfo? tokensFile, CancellationToken ct)
    {
        if (ideas is < 1 or > IdeaScaleData.MaxIdeas)
        {
            return Task.FromResult(CliHost.Fail(CliHost.InvalidInput, $"--ideas must be between 1 and {IdeaScaleData.MaxIdeas:N0}."));
        }
        if (votes is < 0 or > IdeaScaleData.MaxVotes)
        {
            return Task.FromResult(CliHost.Fail(CliHost.InvalidInput, $"--votes must be between 0 and {IdeaScaleData.MaxVotes:N0}."));
        }
        if (tokens < 0 || tokens > 0 && tokensFile is null)
        {
            return Task.FromResult(CliHost.Fail(CliHost.InvalidInput, "--tokens needs --tokens-file, where their plain text goes."));
        }
        if (tokens > IdeaScaleData.VotersFor(votes))
        {
            return Task.FromResult(CliHost.Fail(CliHost.InvalidInput, $"--tokens can be at most the number of voters, {IdeaScaleData.VotersFor(votes):N0} for {votes:N0} votes."));
        }
        return CliHost.RunAsync(hostArgs, async (services, token) =>
        {
            var ideaData = ActivatorUtilities.CreateInstance<IdeaScaleData>(services);
            const string hasIdeas = "The database already has ideas; scale ideas go only into a database without ideas.";
            if (await ideaData.HasIdeasAsync(token))
            {
                return CliHost.Fail(CliHost.InvalidInput, hasIdeas);
            }
            Console.WriteLine($"Seeding {ideas:N0} ideas with {votes:N0} votes...");
            var summary = await ideaData.SeedAsync(ideas, votes, tokens, progress =>
                Console.WriteLine($"  {progress.Table,-16} {progress.Rows,12:N0}  {progress.RowsPerSecond,10:N0} rows/s"), token);
            if (summary is null)
            {
                return CliHost.Fail(CliHost.InvalidInput, hasIdeas);
            }
            foreach (var table in summary.Tables)
            {
                Console.WriteLine($"  {table.Table,-16} {table.Rows,12:N0} rows  {table.Elapsed.TotalSeconds,7:N1} s  {table.RowsPerSecond,10:N0} rows/s");
            }
            foreach (var step in summary.Steps)
            {
                Console.WriteLine($"  {step.Name,-45} {step.Elapsed.TotalSeconds,7:N1} s");
            }
            Console.WriteLine($"Seeded in {summary.Elapsed.TotalSeconds:N1} s. Voters are @{IdeaScaleData.VoterEmailDomain}, advocates without a password.");
            if (tokensFile is not null && summary.Tokens.Count > 0)
            {
                await File.WriteAllLinesAsync(tokensFile.FullName, summary.Tokens, token);
                Console.WriteLine($"Wrote {summary.Tokens.Count:N0} access tokens (valid 30 days) to {tokensFile.FullName}.");
            }
            return CliHost.Ok;
        }, ct);
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!await ActivatorUtilities.CreateInstance<DemoData>(services).SeedAsync(ct))
        {
            return CliHost.Fail(CliHost.InvalidInput, "The database already has users or accounts; demo data goes only into an empty database.");
        }
        Console.WriteLine("Seeded the demo program. Sign in as:");
        foreach (var (email, _, role) in DemoData.People)
        {
            Console.WriteLine($"  {email,-24} {role,-17} password {DemoData.Password}");
        }
        return CliHost.Ok;
    }

    private static async Task<int> SeedScaleAsync(IServiceProvider services, int contacts, CancellationToken ct)
    {
        var scaleData = ActivatorUtilities.CreateInstance<ScaleData>(services);
        const string hasAccounts = "The database already has accounts; scale data goes only into a database without accounts.";
        if (await scaleData.HasAccountsAsync(ct))
        {
            return CliHost.Fail(CliHost.InvalidInput, hasAccounts);
        }
        var provider = services.GetRequiredService<DatabaseSettings>().Provider;
        Console.WriteLine($"Seeding {contacts:N0} contacts into the {provider} database (random seed {ScaleData.RandomSeed})...");
        var summary = await scaleData.SeedAsync(contacts, progress =>
            Console.WriteLine($"  {progress.Table,-16} {progress.Rows,12:N0} of {progress.Expected,12:N0}  {progress.RowsPerSecond,10:N0} rows/s"), ct);
        if (summary is null)
        {
            return CliHost.Fail(CliHost.InvalidInput, hasAccounts);
        }
        Console.WriteLine($"Seeded in {summary.Elapsed.TotalSeconds:N1} s: {summary.Sellers} sellers (owners, no password, @{ScaleData.SellerEmailDomain}), {summary.Products} products, and");
        foreach (var table in summary.Tables)
        {
            Console.WriteLine($"  {table.Table,-16} {table.Rows,12:N0} rows  {table.Elapsed.TotalSeconds,7:N1} s  {table.RowsPerSecond,10:N0} rows/s");
        }
        Console.WriteLine($"  {"index, commit",-16} {"",12}       {summary.Finishing.TotalSeconds,7:N1} s");
        Console.WriteLine($"  {"total",-16} {summary.Rows,12:N0} rows  {summary.Elapsed.TotalSeconds,7:N1} s  {summary.RowsPerSecond,10:N0} rows/s");
        var seeded = await SeedProgramsAsync(services, ct);
        Console.WriteLine("Bulk-seeded rows have no audit entries: they are synthetic data for measurement.");
        return seeded;
    }

    private static async Task<int> SeedProgramsAsync(IServiceProvider services, CancellationToken ct)
    {
        var summary = await ActivatorUtilities.CreateInstance<ScalePrograms>(services).SeedAsync(progress: null, ct);
        if (summary is null)
        {
            return CliHost.Fail(CliHost.InvalidInput, "Programs go only into a database with contacts (seed --scale) and without referrals, events or executives' conversations.");
        }
        Console.WriteLine($"Seeded the programs in {summary.Elapsed.TotalSeconds:N1} s: {summary.Executives} executives (no password, @{ScalePrograms.ExecutiveEmailDomain}), and");
        foreach (var table in summary.Tables)
        {
            Console.WriteLine($"  {table.Table,-22} {table.Rows,12:N0} rows  {table.Elapsed.TotalSeconds,7:N1} s");
        }
        foreach (var step in summary.Steps)
        {
            Console.WriteLine($"  {step.Name,-35} {step.Elapsed.TotalSeconds,7:N1} s");
        }
        return CliHost.Ok;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Features.Import;
using Vouch.Features.Salesforce;
using Vouch.Testing;

// vouch-bench-salesforce --work DIR [--accounts 10000] [--contacts 90000]
//
// Starts the Salesforce stand-in on 127.0.0.1 with --accounts accounts and --contacts contacts, generated from a fixed
// seed, and writes the same records, with the ids the stand-in gave them, as a Salesforce export in DIR/export
// (User.csv, Account.csv, Contact.csv); the connection settings go to DIR/salesforce.env (NAME=value lines, the key in
// DIR/salesforce-key.pem). Prints "ready", then reads commands from stdin:
//   change  every account's NumberOfEmployees and every contact's Title and Phone change in the org and in the export;
//           prints "changed N"
//   read    reads every record of the objects the sync pulls through the app's SalesforceClient, as the pull does, but
//           imports nothing: the share of a pull that is HTTP and JSON. Prints "read N records in S s"
//   quit    stops; so does the end of stdin, so the org never outlives the script that started it.
//
// vouch-bench-salesforce --sqlite DB --attach LOADER_DB --run SQL_FILE
//
// Runs the statements of SQL_FILE on the SQLite database DB with LOADER_DB attached as "loader", through the SQLite
// the app ships with (the system's sqlite3 may be too old to open Vouch's search index), and prints "ran in S s".
//
// vouch-bench-salesforce --work DIR --export-only ONE_IN [--accounts …] [--contacts …]
//
// Writes the export alone, with no org: DIR/export (Account.csv, Contact.csv, with ids in Salesforce's form), and
// DIR/changed, the same export with one account and one contact in ONE_IN changed as "change" changes them. Prints
// "changed N" and stops.
var options = new Dictionary<string, string>();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}
if (options.GetValueOrDefault("sqlite") is { } database)
{
    await using var connection = new SqliteConnection($"Data Source={database}");
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandTimeout = 0;
    command.CommandText = $"ATTACH DATABASE '{options["attach"].Replace("'", "''", StringComparison.Ordinal)}' AS loader";
    await command.ExecuteNonQueryAsync();
    command.CommandText = await File.ReadAllTextAsync(options["run"]);
    var stopwatch = Stopwatch.StartNew();
    await command.ExecuteNonQueryAsync();
    Console.WriteLine(FormattableString.Invariant($"ran in {stopwatch.Elapsed.TotalSeconds:F2} s"));
    return;
}

var work = options.GetValueOrDefault("work") ?? throw new ArgumentException("--work is required");
var accountCount = int.Parse(options.GetValueOrDefault("accounts", "10000"), CultureInfo.InvariantCulture);
var contactCount = int.Parse(options.GetValueOrDefault("contacts", "90000"), CultureInfo.InvariantCulture);
var export = Path.Combine(work, "export");
Directory.CreateDirectory(export);

if (options.GetValueOrDefault("export-only") is { } oneIn)
{
    const string owner = "005B00000000001";
    var records = OrgRecords.Generate(accountCount, contactCount, new Random(20261204));
    for (var i = 0; i < records.Accounts.Count; i++)
    {
        records.Accounts[i].Id = $"001B{i + 1:D11}";
    }
    for (var i = 0; i < records.Contacts.Count; i++)
    {
        records.Contacts[i].Id = $"003B{i + 1:D11}";
        records.Contacts[i].AccountId = records.Accounts[records.Contacts[i].Account].Id;
    }
    await records.WriteExportAsync(export, owner);
    var changedFolder = Path.Combine(work, "changed");
    Directory.CreateDirectory(changedFolder);
    var every = int.Parse(oneIn, CultureInfo.InvariantCulture);
    var changedCount = records.Change(1, (i, _) => i % every == 0, (_, _) => { });
    await records.WriteExportAsync(changedFolder, owner);
    Console.WriteLine($"changed {changedCount}");
    return;
}

await using var org = await SalesforceStandIn.StartAsync(new SalesforceStandInOptions { PageSize = 2000 });
var data = OrgRecords.Generate(accountCount, contactCount, new Random(20261204));
var accountIds = org.AddMany("Account", data.Accounts.Select(a => a.Fields()));
for (var i = 0; i < accountIds.Count; i++)
{
    data.Accounts[i].Id = accountIds[i];
}
foreach (var contact in data.Contacts)
{
    contact.AccountId = data.Accounts[contact.Account].Id;
}
var contactIds = org.AddMany("Contact", data.Contacts.Select(c => c.Fields()));
for (var i = 0; i < contactIds.Count; i++)
{
    data.Contacts[i].Id = contactIds[i];
}
// The integration user is in the org, so the sync reads it; the export holds it too, so both read the same records.
await File.WriteAllTextAsync(Path.Combine(export, "User.csv"), Csv.Table(["Id", "Email"], [[org.IntegrationUserId, org.Username]]));
await data.WriteExportAsync(export, org.IntegrationUserId);

var keyFile = Path.Combine(work, "salesforce-key.pem");
await File.WriteAllTextAsync(keyFile, org.PrivateKeyPem);
if (!OperatingSystem.IsWindows())
{
    File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
}
await File.WriteAllLinesAsync(Path.Combine(work, "salesforce.env"),
[
    $"Salesforce__LoginUrl={org.LoginUrl}",
    $"Salesforce__ClientId={org.ClientId}",
    $"Salesforce__Username={org.Username}",
    $"Salesforce__PrivateKeyFile={keyFile}",
    "Salesforce__AllowHttp=true",
]);
// The app keeps its key and client for its lifetime; so does this, since the token library caches signers by key.
using var signingKey = RSA.Create();
signingKey.ImportFromPem(org.PrivateKeyPem);
await using var http = new ServiceCollection().AddHttpClient().BuildServiceProvider();
var client = new SalesforceClient(http.GetRequiredService<IHttpClientFactory>(), new SalesforceSettings
{
    LoginUrl = new Uri(org.LoginUrl), ClientId = org.ClientId, Username = org.Username, PrivateKey = signingKey, AllowHttp = true,
}, TimeProvider.System);
Console.WriteLine($"ready: {data.Accounts.Count} accounts, {data.Contacts.Count} contacts at {org.LoginUrl}");

var round = 0;
while (await Console.In.ReadLineAsync() is { } command)
{
    switch (command.Trim())
    {
        case "change":
            round++;
            var changed = data.Change(org, round);
            await data.WriteExportAsync(export, org.IntegrationUserId);
            Console.WriteLine($"changed {changed}");
            break;
        case "read":
            var (records, seconds) = await ReadAllAsync(client);
            Console.WriteLine($"read {records} records in {seconds.ToString("F1", CultureInfo.InvariantCulture)} s");
            break;
        case "quit":
            return;
        case "":
            break;
        default:
            Console.WriteLine($"unknown command '{command}'; say change, read or quit");
            break;
    }
}

// The pull's queries with no cursor, read page by page and dropped.
static async Task<(int Records, double Seconds)> ReadAllAsync(SalesforceClient client)
{
    var started = Stopwatch.GetTimestamp();
    var records = 0;
    foreach (var table in ImportTables.All)
    {
        var fields = table.SalesforceColumns.Keys.Append("SystemModstamp");
        var users = table == ImportTables.Users;
        await foreach (var page in client.QueryAsync(Soql.ChangedSince(table.SalesforceObject, users ? fields : fields.Append("IsDeleted"), null), !users, CancellationToken.None))
        {
            records += page.Records.Count;
        }
    }
    return (records, Stopwatch.GetElapsedTime(started).TotalSeconds);
}

internal sealed class OrgRecords(List<AccountRecord> accounts, List<ContactRecord> contacts)
{
    // Salesforce saves a DML call of up to 200 records in one transaction, so that many share one SystemModstamp.
    private const int RecordsPerSave = 200;

    private static readonly string[] Industries =
    [
        "Banking", "Biotechnology", "Communications", "Consulting", "Education", "Energy", "Finance", "Healthcare",
        "Insurance", "Manufacturing", "Media", "Retail", "Technology", "Telecommunications", "Transportation", "Utilities",
    ];

    private static readonly string[] Countries =
    [
        "United States", "United States", "United States", "Germany", "United Kingdom", "France", "Canada", "Japan",
        "Australia", "Netherlands", "Brazil", "India", "Spain", "Sweden", "Singapore", "Mexico", "Italy", "Switzerland",
    ];

    private static readonly string[] NameStarts =
    [
        "Blue", "North", "Silver", "Bright", "Red", "Clear", "Iron", "Summit", "Harbor", "Pine", "Granite", "Cedar",
        "Open", "True", "Swift", "Golden", "Stone", "River", "Lake", "Oak",
    ];

    private static readonly string[] NameEnds =
    [
        "Analytics", "Logistics", "Health", "Systems", "Bank", "Energy", "Labs", "Media", "Foods", "Networks",
        "Insurance", "Robotics", "Software", "Partners", "Retail", "Mobility", "Capital", "Pharma", "Studios", "Works",
    ];

    private static readonly string[] FirstNames =
    [
        "Ada", "Ben", "Chloé", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kavya", "Liam", "Maria",
        "Noah", "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoë",
        "Anna", "Björn", "Carmen", "Dmitri", "Emma", "Felix", "Gita", "Hugo", "Isla", "Jamal", "Keiko", "Lars",
    ];

    private static readonly string[] LastNames =
    [
        "Smith", "Müller", "García", "Rossi", "Nguyen", "Kowalski", "O'Brien", "Tanaka", "Silva", "Johansson",
        "Dubois", "Patel", "Kim", "Novak", "Jensen", "López", "Fischer", "Haddad", "Walker", "Ivanova", "Costa",
        "Schmidt", "Martin", "Okafor", "Andersen", "Yamamoto", "Brown", "de Vries", "Moreau", "Chen",
    ];

    private static readonly string[] Titles =
    [
        "Chief Executive Officer", "Chief Technology Officer", "Chief Information Officer", "VP of Engineering",
        "VP of Sales", "VP, Customer Success", "Director of IT", "Director of Operations", "Head of Data",
        "Head of Procurement", "IT Manager", "Engineering Manager", "Product Manager", "Senior Software Engineer",
        "Data Analyst", "Security Architect", "Solutions Architect", "Operations Lead", "Finance Director",
        "Marketing Manager", "Customer Success Manager", "Platform Engineer", "Business Analyst", "CFO",
    ];

    public List<AccountRecord> Accounts => accounts;
    public List<ContactRecord> Contacts => contacts;

    public static OrgRecords Generate(int accountCount, int contactCount, Random random)
    {
        if (accountCount < 1 && contactCount > 0)
        {
            throw new ArgumentException("Contacts need accounts.", nameof(accountCount));
        }
        var accounts = new List<AccountRecord>(accountCount);
        for (var i = 0; i < accountCount; i++)
        {
            var start = NameStarts[random.Next(NameStarts.Length)];
            var end = NameEnds[random.Next(NameEnds.Length)];
            accounts.Add(new AccountRecord
            {
                Name = $"{start} {end} {i + 1}",
                Domain = $"{start}{end}{i + 1}.example".ToLowerInvariant(),
                // One account in ten has no industry, as in most orgs.
                Industry = random.Next(10) == 0 ? null : Industries[random.Next(Industries.Length)],
                Country = Countries[random.Next(Countries.Length)],
                Employees = random.Next(100) < 60 ? random.Next(10, 500) : random.Next(500, 120_000),
            });
        }
        var contacts = new List<ContactRecord>(contactCount);
        for (var i = 0; i < contactCount; i++)
        {
            var account = random.Next(accountCount);
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var title = random.Next(Titles.Length);
            contacts.Add(new ContactRecord
            {
                Account = account,
                FirstName = first,
                LastName = last,
                TitleIndex = title,
                Title = Titles[title],
                Email = $"{Ascii(first)}.{Ascii(last)}.{i + 1}@{accounts[account].Domain}",
                // Middle digits from 100, so a changed phone (round 1 to 99) is never the first one.
                Phone = $"+1 555 {random.Next(100, 1000)} {random.Next(10_000):D4}",
            });
        }
        return new OrgRecords(accounts, contacts);
    }

    /// <summary>Changes every record in the org, as a bulk update of 200 records a call would, and here. Returns how many.</summary>
    public int Change(SalesforceStandIn org, int round)
    {
        // After every stamp already given, and no earlier than the real clock.
        var now = DateTimeOffset.UtcNow;
        org.Now = now > org.Now ? now : org.Now + TimeSpan.FromMilliseconds(1);
        var saves = 0;
        return Change(round, (_, _) => true, (kind, changed) =>
        {
            org.Update(kind, changed.Id, changed.Fields);
            Saved(org, ++saves);
        });
    }

    /// <summary>
    /// Changes the records <paramref name="which"/> picks (by their place in the list and kind): an account's number of
    /// employees, a contact's title and phone; <paramref name="saved"/> is told each change. Returns how many.
    /// </summary>
    public int Change(int round, Func<int, string, bool> which, Action<string, (string Id, Dictionary<string, object?> Fields)> saved)
    {
        var changed = 0;
        for (var i = 0; i < accounts.Count; i++)
        {
            if (!which(i, "Account"))
            {
                continue;
            }
            var account = accounts[i];
            account.Employees++;
            saved("Account", (account.Id, new Dictionary<string, object?> { ["NumberOfEmployees"] = account.Employees }));
            changed++;
        }
        for (var i = 0; i < contacts.Count; i++)
        {
            if (!which(i, "Contact"))
            {
                continue;
            }
            var contact = contacts[i];
            contact.TitleIndex = (contact.TitleIndex + 1) % Titles.Length;
            contact.Title = Titles[contact.TitleIndex];
            contact.Phone = $"+1 555 {round % 100:D3} {i % 10_000:D4}";
            saved("Contact", (contact.Id, new Dictionary<string, object?> { ["Title"] = contact.Title, ["Phone"] = contact.Phone }));
            changed++;
        }
        return changed;
    }

    private static void Saved(SalesforceStandIn org, int changed)
    {
        if (changed % RecordsPerSave == 0)
        {
            org.Advance(TimeSpan.FromMilliseconds(1));
        }
    }

    public async Task WriteExportAsync(string folder, string ownerId)
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "Account.csv"), Csv.Table(
            ["Id", "Name", "Industry", "BillingCountry", "NumberOfEmployees", "OwnerId"],
            accounts.Select(a => new[] { a.Id, a.Name, a.Industry, a.Country, a.Employees.ToString(CultureInfo.InvariantCulture), ownerId })));
        await File.WriteAllTextAsync(Path.Combine(folder, "Contact.csv"), Csv.Table(
            ["Id", "AccountId", "FirstName", "LastName", "Title", "Email", "Phone"],
            contacts.Select(c => new[] { c.Id, c.AccountId, c.FirstName, c.LastName, c.Title, c.Email, c.Phone })));
    }

    private static string Ascii(string name)
    {
        var plain = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetter(c))
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }
        return plain.ToString();
    }
}

internal sealed class AccountRecord
{
    public string Id { get; set; } = "";
    public required string Name { get; init; }
    public required string Domain { get; init; }
    public string? Industry { get; init; }
    public required string Country { get; init; }
    public int Employees { get; set; }

    public Dictionary<string, object?> Fields() => new()
    {
        ["Name"] = Name, ["Industry"] = Industry, ["BillingCountry"] = Country, ["NumberOfEmployees"] = Employees,
    };
}

internal sealed class ContactRecord
{
    public string Id { get; set; } = "";
    public int Account { get; init; }
    public string AccountId { get; set; } = "";
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public int TitleIndex { get; set; }
    public required string Title { get; set; }
    public required string Email { get; init; }
    public required string Phone { get; set; }

    public Dictionary<string, object?> Fields() => new()
    {
        ["AccountId"] = AccountId, ["FirstName"] = FirstName, ["LastName"] = LastName, ["Name"] = $"{FirstName} {LastName}",
        ["Title"] = Title, ["Email"] = Email, ["Phone"] = Phone,
    };
}

internal static class Csv
{
    /// <summary>RFC 4180, as Salesforce's Data Export writes it: every value quoted, quotes doubled, an empty value for none.</summary>
    public static string Table(string[] headers, IEnumerable<string?[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default with { Quoting = CsvQuoting.Always, NewLine = "\r\n" }, leaveOpen: true))
        {
            foreach (var row in rows.Prepend(headers))
            {
                csv.WriteRecord([.. row.Select(value => value ?? "")]);
            }
        }
        return text.ToString();
    }
}

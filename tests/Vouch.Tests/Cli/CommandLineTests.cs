using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Content;
using Vouch.Features.Users;
using Vouch.Tests.Api;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Cli;

/// <summary>The real executable, run as an admin would, against the test's own database.</summary>
public sealed class CommandLineTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static readonly string s_vouch = Path.Combine(AppContext.BaseDirectory, "vouch.dll");

    private Task<ProcessResult> VouchAsync(params string[] arguments) =>
        VouchOnAsync(app.Database.Provider, app.Database.ConnectionString, arguments);

    private static Task<ProcessResult> VouchOnAsync(string provider, string connectionString, params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [s_vouch, .. arguments], new Dictionary<string, string>
        {
            ["Database__Provider"] = provider,
            ["ConnectionStrings__Vouch"] = connectionString,
            ["DOTNET_ENVIRONMENT"] = "Production",
        });

    [Fact]
    public async Task Started_from_another_folder_the_app_serves_its_styles_and_scripts()
    {
        var ct = TestContext.Current.CancellationToken;
        var elsewhere = Directory.CreateTempSubdirectory("vouch-elsewhere-");
        var port = FreePort();
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { s_vouch, "serve", $"--urls=http://127.0.0.1:{port}" },
            WorkingDirectory = elsewhere.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Database__Provider"] = app.Database.Provider,
                ["ConnectionStrings__Vouch"] = app.Database.ConnectionString,
                ["DOTNET_ENVIRONMENT"] = "Production",
            },
        };
        using var server = System.Diagnostics.Process.Start(start)!;
        try
        {
            // Read what it writes, so a full pipe never holds it up.
            _ = server.StandardOutput.ReadToEndAsync(ct);
            var errors = server.StandardError.ReadToEndAsync(ct);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!await IsHealthyAsync(http))
            {
                if (server.HasExited)
                {
                    Assert.Fail($"The server stopped: {await errors}");
                }
                Assert.True(DateTime.UtcNow < deadline, "The server started from another folder did not answer within 60 s.");
                await Task.Delay(200, ct);
            }

            foreach (var (path, type) in new[] { ("/css/site.css", "text/css"), ("/lib/pico.min.css", "text/css"), ("/lib/htmx.min.js", "text/javascript") })
            {
                using var response = await http.GetAsync(path, ct);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
                Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(CancellationToken.None);
            elsewhere.Delete(recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> IsHealthyAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/health");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    [Fact]
    public async Task An_admin_added_on_the_command_line_calls_the_api_with_a_token_from_its_last_line()
    {
        var email = $"cli-{Guid.NewGuid():N}@example.com";

        var added = await VouchAsync("users", "add", "--email", email, "--role", "Admin", "--password", VouchApp.Password);
        var token = await VouchAsync("tokens", "create", "--email", email, "--name", "ci");

        Assert.True(added.ExitCode == 0, added.Error);
        Assert.True(token.ExitCode == 0, token.Error);
        using var client = app.ClientWithToken(token.LastLine);
        var me = (await client.GetFromJsonAsync<MeResponse>("/api/v1/me", TestContext.Current.CancellationToken))!;
        Assert.Equal((email, "Admin"), (me.Email, me.Roles.Single()));
    }

    [Fact]
    public async Task A_duplicate_email_is_a_readable_error_and_a_non_zero_exit()
    {
        var existing = await app.AddUserAsync("Seller");

        var result = await VouchAsync("users", "add", "--email", existing.Email, "--role", "Admin", "--password", VouchApp.Password);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: email: A user with the email '{existing.Email}' already exists.", result.Error.Trim());
    }

    [Fact]
    public async Task A_revoked_token_stops_working()
    {
        var user = await app.AddUserAsync("Seller");
        var created = await VouchAsync("tokens", "create", "--email", user.Email, "--name", "temp");
        var id = created.Output.Split('(', ')')[1];

        var revoked = await VouchAsync("tokens", "revoke", "--email", user.Email, "--id", id);

        Assert.True(revoked.ExitCode == 0, revoked.Error);
        using var client = app.ClientWithToken(created.LastLine);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Users_are_listed_and_disabled()
    {
        var user = await app.AddUserAsync("Executive");

        var disabled = await VouchAsync("users", "disable", "--email", user.Email);
        var list = await VouchAsync("users", "list");

        Assert.Equal(0, disabled.ExitCode);
        Assert.Contains(list.Output.Split('\n'), line => line.StartsWith(user.Email, StringComparison.Ordinal) && line.Contains("disabled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ideas_reindex_rebuilds_every_idea_and_reports_how_many_changed()
    {
        using var author = await app.ClientForAsync("Seller");
        using var posted = await author.PostAsJsonAsync("/api/v1/ideas", new { title = "Reindex me", description = "Terms, please." }, TestContext.Current.CancellationToken);
        posted.EnsureSuccessStatusCode();

        var result = await VouchAsync("ideas", "reindex", "--batch-size", "2");
        var refused = await VouchAsync("ideas", "reindex", "--batch-size", "0");

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, line => Regex.IsMatch(line, @"^Reindexed [1-9][0-9,]* ideas in [0-9.,]+ s; 0 had changed\.$"));
        Assert.Matches(@"^Embedded [1-9][0-9,]* ideas in [0-9.,]+ s \([0-9,]+ a second\)\.$", result.LastLine);
        Assert.Equal((1, "error: --batch-size must be between 1 and 100,000."), (refused.ExitCode, refused.Error.Trim()));
    }

    [Fact]
    public async Task Stories_reindex_embeds_every_advocates_story_again()
    {
        await app.AddAdvocateAsync(null, c => c.UseCase = "Moved twelve regional teams onto one pipeline.");

        var result = await VouchAsync("stories", "reindex");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(@"^Embedded [1-9][0-9,]* stories in [0-9.,]+ s \([0-9,]+ a second\)\.$", result.LastLine);
    }

    [Fact]
    public async Task Content_reindex_embeds_every_piece_of_content_again()
    {
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var account = new Account { Name = $"Reindex Corp {Guid.NewGuid():N}" };
            db.AddRange(account, new ContentAsset { Title = "Twelve regions on one pipeline", AccountId = account.Id, Link = "https://example.com/case" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var result = await VouchAsync("content", "reindex");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(@"^Embedded [1-9][0-9,]* pieces of content in [0-9.,]+ s \([0-9,]+ a second\)\.$", result.LastLine);
    }

    [Fact]
    public async Task Users_link_makes_a_user_a_contact_found_by_email_or_id_and_unlink_undoes_it()
    {
        var user = await app.AddUserAsync("Advocate");
        var contactEmail = $"link-{Guid.NewGuid():N}@customer.example";
        var contactId = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var contact = new Contact { Account = new Account { Name = $"Link Corp {Guid.NewGuid():N}" }, FirstName = "Lin", LastName = "K", Email = contactEmail };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return contact.Id;
        });
        Task<Guid?> LinkedAsync() => app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Users
            .Where(u => u.Id == user.Id).Select(u => u.ContactId).SingleAsync(TestContext.Current.CancellationToken));

        var byEmail = await VouchAsync("users", "link", user.Email, "--contact", contactEmail.ToUpperInvariant());
        var linkedByEmail = await LinkedAsync();
        var unlinked = await VouchAsync("users", "link", user.Email, "--unlink");
        var linkedAfterUnlink = await LinkedAsync();
        var byId = await VouchAsync("users", "link", user.Email, "--contact", contactId.ToString());
        var unknown = Guid.NewGuid();
        var refused = await VouchAsync("users", "link", user.Email, "--contact", unknown.ToString());
        var neither = await VouchAsync("users", "link", user.Email);

        Assert.True(byEmail.ExitCode == 0, byEmail.Error);
        Assert.StartsWith($"Linked {user.Email} to contact {contactId} at Link Corp", byEmail.LastLine, StringComparison.Ordinal);
        Assert.Equal(contactId, linkedByEmail);
        Assert.Equal((0, $"{user.Email} is no one's contact now."), (unlinked.ExitCode, unlinked.LastLine));
        Assert.Null(linkedAfterUnlink);
        Assert.Equal(0, byId.ExitCode);
        Assert.Equal((1, $"error: No contact has the id {unknown}."), (refused.ExitCode, refused.Error.Trim()));
        Assert.Equal(1, neither.ExitCode);
        Assert.Equal(contactId, await LinkedAsync());
    }

    [Fact]
    public async Task Migrate_on_an_up_to_date_database_says_so()
    {
        var result = await VouchAsync("migrate");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("is up to date", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_connection_string_is_a_readable_error_with_exit_code_2()
    {
        var result = await VouchOnAsync("Postgres", "Hots=nowhere", "users", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ConnectionStrings:Vouch is not a valid Postgres connection string", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_is_a_readable_error_with_exit_code_2()
    {
        var result = await VouchOnAsync("Postgres", "Host=127.0.0.1;Port=1;Username=nobody;Timeout=2", "migrate");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: The database could not be used:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_that_was_never_migrated_is_named_as_such()
    {
        var directory = Directory.CreateTempSubdirectory("vouch-cli-").FullName;
        var result = await VouchOnAsync("Sqlite", $"Data Source={Path.Combine(directory, "new.db")}", "users", "list");
        Directory.Delete(directory, recursive: true);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: The database is new or its schema is out of date; run `vouch migrate` first.", result.Error.Trim());
    }

    [Theory]
    [InlineData("users", "add")]
    [InlineData("tokens", "create")]
    [InlineData("seed")]
    [InlineData("migrate")]
    [InlineData("serve")]
    public async Task Every_verb_explains_itself(params string[] verb)
    {
        var result = await VouchAsync([.. verb, "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
    }
}

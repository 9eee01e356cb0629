using System.Text.RegularExpressions;
using Vouch.Auth;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>The OpenAPI document lints clean with Redocly's recommended rules (redocly.yaml).</summary>
public sealed class OpenApiLintTests(VouchApp app) : IClassFixture<VouchApp>
{
    [Fact]
    public async Task The_openapi_document_lints_clean()
    {
        var linter = Path.Combine(Repository.Root, "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(linter), "The OpenAPI linter is missing: run `npm ci` in the repository root.");
        using var client = await app.ClientForAsync(Roles.Seller);
        var document = Path.Combine(Path.GetTempPath(), $"vouch-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

        var lint = await ProcessRunner.RunAsync(linter, ["lint", document, "--config", Path.Combine(Repository.Root, "redocly.yaml"), "--format", "stylish"],
            new Dictionary<string, string> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" });

        File.Delete(document);
        Assert.True(lint.ExitCode == 0, lint.Output + lint.Error);
        // Stylish output lists each finding as "line:column  severity  rule  message".
        Assert.DoesNotMatch(new Regex(@"^\s*\d+:\d+\s+(warning|error)", RegexOptions.Multiline), lint.Output + lint.Error);
    }
}

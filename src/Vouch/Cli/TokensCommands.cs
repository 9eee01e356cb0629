using System.CommandLine;
using Vouch.Features.Tokens;
using Vouch.Features.Users;

namespace Vouch.Cli;

public static class TokensCommands
{
    public static Command Create(string[] hostArgs)
    {
        var email = new Option<string>("--email") { Description = "The user the token acts as.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for, e.g. \"CRM sync\".", Required = true };
        var days = new Option<int?>("--expires-in-days") { Description = $"Days until the token expires (1 to {AccessTokens.MaxLifetimeDays}); never when omitted." };
        var create = new Command("create", "Create a personal access token; the token is printed on the last line, once.") { email, name, days };
        create.SetAction((parse, ct) => CliHost.RunAsync(hostArgs, async (services, token) =>
        {
            var user = await services.GetRequiredService<UserAdministration>().FindAsync(parse.GetValue(email)!);
            if (user is null)
            {
                return CliHost.Fail(CliHost.InvalidInput, $"No user has the email '{parse.GetValue(email)}'.");
            }
            if (user.IsDisabled)
            {
                return CliHost.Fail(CliHost.InvalidInput, $"{user.Email} is disabled.");
            }
            var result = await services.GetRequiredService<AccessTokens>().CreateAsync(user.Id, parse.GetValue(name), parse.GetValue(days), token);
            if (!result.Succeeded)
            {
                return CliHost.Refused(result.Refusal);
            }
            var created = result.Value;
            Console.WriteLine($"Created token '{created.Token.Name}' ({created.Token.Id}) for {user.Email}. Store it now; it is not shown again:");
            Console.WriteLine(created.PlainText);
            return CliHost.Ok;
        }, ct));

        var revokeEmail = new Option<string>("--email") { Description = "The token's owner.", Required = true };
        var id = new Option<Guid>("--id") { Description = "The token's id, as printed by create or listed at /tokens.", Required = true };
        var revoke = new Command("revoke", "Revoke a personal access token at once.") { revokeEmail, id };
        revoke.SetAction((parse, ct) => CliHost.RunAsync(hostArgs, async (services, token) =>
        {
            var user = await services.GetRequiredService<UserAdministration>().FindAsync(parse.GetValue(revokeEmail)!);
            var revoked = user is null ? AccessTokens.NotFound : await services.GetRequiredService<AccessTokens>().RevokeAsync(user.Id, parse.GetValue(id), token);
            if (!revoked.Succeeded)
            {
                return CliHost.Fail(CliHost.InvalidInput, $"{parse.GetValue(revokeEmail)} has no token with the id {parse.GetValue(id)}.");
            }
            Console.WriteLine($"Revoked token '{revoked.Value.Name}' ({revoked.Value.Id}).");
            return CliHost.Ok;
        }, ct));

        return new Command("tokens", "Create and revoke personal access tokens for the API.") { create, revoke };
    }
}

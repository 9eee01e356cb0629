using System.CommandLine;
using Vouch.Features.Users;

namespace Vouch.Cli;

public static class UsersCommands
{
    public static Command Create(string[] hostArgs)
    {
        var email = new Option<string>("--email") { Description = "The user's email, which is also their sign-in name.", Required = true };
        var role = new Option<string>("--role") { Description = "Admin, ReferenceManager, Seller, Executive or Advocate.", Required = true };
        var password = new Option<string>("--password") { Description = "At least 10 characters, with a digit, a lower- and an upper-case letter.", Required = true };
        var name = new Option<string?>("--name") { Description = "The name shown in the app; the email's local part when omitted." };
        var externalId = new Option<string?>("--external-id") { Description = "The user's id in the CRM (a Salesforce user id): imported records owned by it become theirs." };
        var add = new Command("add", "Add a user with one role.") { email, role, password, name, externalId };
        add.SetAction((parse, ct) => CliHost.RunAsync(hostArgs, async (services, token) =>
        {
            var (user, errors) = await services.GetRequiredService<UserAdministration>()
                .AddAsync(parse.GetValue(email), parse.GetValue(name), parse.GetValue(role), parse.GetValue(password), parse.GetValue(externalId));
            if (user is null)
            {
                return CliHost.Invalid(errors);
            }
            Console.WriteLine($"Added {user.Email} ({string.Join(", ", user.Roles)}) with id {user.Id}.");
            return CliHost.Ok;
        }, ct));

        var list = new Command("list", "List the users with their roles.");
        list.SetAction((_, ct) => CliHost.RunAsync(hostArgs, async (services, token) =>
        {
            var users = await services.GetRequiredService<UserAdministration>().ListAsync(token);
            Console.WriteLine($"{"EMAIL",-40} {"ROLES",-24} {"STATUS",-8} NAME");
            foreach (var user in users)
            {
                Console.WriteLine($"{user.Email,-40} {string.Join(",", user.Roles),-24} {(user.IsDisabled ? "disabled" : "active"),-8} {user.DisplayName}");
            }
            return CliHost.Ok;
        }, ct));

        var disableEmail = new Option<string>("--email") { Description = "The user to disable.", Required = true };
        var disable = new Command("disable", "Disable a user: they can no longer sign in or use their tokens.") { disableEmail };
        disable.SetAction((parse, ct) => CliHost.RunAsync(hostArgs, async (services, _) =>
        {
            var user = await services.GetRequiredService<UserAdministration>().DisableAsync(parse.GetValue(disableEmail)!);
            if (user is null)
            {
                return CliHost.Fail(CliHost.InvalidInput, $"No user has the email '{parse.GetValue(disableEmail)}'.");
            }
            Console.WriteLine($"Disabled {user.Email}.");
            return CliHost.Ok;
        }, ct));

        return new Command("users", "Add, list and disable users.") { add, list, disable };
    }
}

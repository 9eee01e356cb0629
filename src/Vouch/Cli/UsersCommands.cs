using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
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
            var added = await services.GetRequiredService<UserAdministration>()
                .AddAsync(parse.GetValue(email), parse.GetValue(name), parse.GetValue(role), parse.GetValue(password), parse.GetValue(externalId));
            if (!added.Succeeded)
            {
                return CliHost.Refused(added.Refusal);
            }
            var user = added.Value;
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
            var disabled = await services.GetRequiredService<UserAdministration>().DisableAsync(parse.GetValue(disableEmail)!);
            if (!disabled.Succeeded)
            {
                return CliHost.Fail(CliHost.InvalidInput, $"No user has the email '{parse.GetValue(disableEmail)}'.");
            }
            Console.WriteLine($"Disabled {disabled.Value.Email}.");
            return CliHost.Ok;
        }, ct));

        var linkEmail = new Argument<string>("email") { Description = "The user to link." };
        var contact = new Option<string?>("--contact") { Description = "The customer contact the user is: the contact's id, or their email." };
        var unlink = new Option<bool>("--unlink") { Description = "Make the user nobody's contact again (an employee)." };
        var link = new Command("link", "Link a user to a customer contact, so their votes for ideas weigh with the contact's account.") { linkEmail, contact, unlink };
        link.SetAction((parse, ct) =>
        {
            var wanted = parse.GetValue(contact);
            if (string.IsNullOrWhiteSpace(wanted) == !parse.GetValue(unlink))
            {
                return Task.FromResult(CliHost.Fail(CliHost.InvalidInput, "Say whom to link to: --contact <id or email>, or --unlink (one of them)."));
            }
            return CliHost.RunAsync(hostArgs, async (services, token) =>
            {
                Guid? contactId = null;
                if (!string.IsNullOrWhiteSpace(wanted))
                {
                    var (found, problem) = await FindContactAsync(services.GetRequiredService<VouchDbContext>(), wanted.Trim(), token);
                    if (found is null)
                    {
                        return CliHost.Fail(CliHost.InvalidInput, problem!);
                    }
                    contactId = found;
                }
                var email = parse.GetValue(linkEmail)!;
                var result = await services.GetRequiredService<UserAdministration>().LinkContactAsync(email, contactId, token);
                if (!result.Succeeded)
                {
                    return result.Refusal.Kind == RefusalKind.NotFound
                        ? CliHost.Fail(CliHost.InvalidInput, $"No user has the email '{email}'.")
                        : CliHost.Refused(result.Refusal);
                }
                var linked = result.Value;
                Console.WriteLine(linked.ContactId is null
                    ? $"{linked.Email} is no one's contact now."
                    : $"Linked {linked.Email} to contact {linked.ContactId} at {linked.Account}.");
                return CliHost.Ok;
            }, ct);
        });

        return new Command("users", "Add, list, disable and link users.") { add, list, disable, link };
    }

    /// <summary>The contact named by id or by email; an email that several contacts share is refused, naming them.</summary>
    private static async Task<(Guid? Id, string? Problem)> FindContactAsync(VouchDbContext db, string idOrEmail, CancellationToken ct)
    {
        if (Guid.TryParse(idOrEmail, out var id))
        {
            return await db.Contacts.AnyAsync(c => c.Id == id, ct) ? (id, null) : (null, $"No contact has the id {id}.");
        }
        var email = idOrEmail.ToLowerInvariant();
        var matches = await db.Contacts.Where(c => c.Email != null && c.Email.ToLower() == email).Select(c => c.Id).Take(5).ToListAsync(ct);
        return matches switch
        {
            [] => (null, $"No contact has the email '{idOrEmail}'."),
            [var only] => (only, null),
            _ => (null, $"Several contacts have the email '{idOrEmail}' ({string.Join(", ", matches)}); give the id of one."),
        };
    }
}

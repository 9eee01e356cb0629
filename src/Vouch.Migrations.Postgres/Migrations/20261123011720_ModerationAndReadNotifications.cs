using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ModerationAndReadNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReadAt",
                table: "Notifications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HiddenReason",
                table: "Ideas",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "HiddenAt",
                table: "IdeaComments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HiddenById",
                table: "IdeaComments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HiddenReason",
                table: "IdeaComments",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsHidden",
                table: "IdeaComments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaComments_HiddenById",
                table: "IdeaComments",
                column: "HiddenById");

            migrationBuilder.AddForeignKey(
                name: "FK_IdeaComments_AspNetUsers_HiddenById",
                table: "IdeaComments",
                column: "HiddenById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_IdeaComments_AspNetUsers_HiddenById",
                table: "IdeaComments");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_UserId_ReadAt",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_IdeaComments_HiddenById",
                table: "IdeaComments");

            migrationBuilder.DropColumn(
                name: "ReadAt",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "HiddenReason",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "HiddenAt",
                table: "IdeaComments");

            migrationBuilder.DropColumn(
                name: "HiddenById",
                table: "IdeaComments");

            migrationBuilder.DropColumn(
                name: "HiddenReason",
                table: "IdeaComments");

            migrationBuilder.DropColumn(
                name: "IsHidden",
                table: "IdeaComments");
        }
    }
}

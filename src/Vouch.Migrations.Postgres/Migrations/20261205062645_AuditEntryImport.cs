using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuditEntryImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ImportId",
                table: "AuditEntries",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ImportId",
                table: "AuditEntries",
                column: "ImportId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ImportId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "ImportId",
                table: "AuditEntries");
        }
    }
}

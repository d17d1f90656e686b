using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Monitoring.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SeveralServers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "mon_report_job",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "ClaimToken",
                table: "mon_report_job",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "mon_report_job",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "HeartbeatAt",
                table: "mon_report_job",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "UX_mon_alert_live",
                table: "mon_alert",
                columns: new[] { "RuleId", "SubjectKey" },
                unique: true,
                filter: "\"ClearedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_mon_alert_live",
                table: "mon_alert");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "mon_report_job");

            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "mon_report_job");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "mon_report_job");

            migrationBuilder.DropColumn(
                name: "HeartbeatAt",
                table: "mon_report_job");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Monitoring.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AlertsAndReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mon_alert",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RuleName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RoutedTo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClearedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mon_alert", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mon_alert_event",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AlertId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: true),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mon_alert_event", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mon_indicator_year",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Node = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IndicatorKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Schools = table.Column<int>(type: "INTEGER", nullable: false),
                    WithValue = table.Column<int>(type: "INTEGER", nullable: false),
                    WithTarget = table.Column<int>(type: "INTEGER", nullable: false),
                    Met = table.Column<int>(type: "INTEGER", nullable: false),
                    Sum = table.Column<double>(type: "REAL", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mon_indicator_year", x => new { x.Year, x.Node, x.IndicatorKey });
                });

            migrationBuilder.CreateTable(
                name: "mon_report_job",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    NodeKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NodeKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NodeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IndicatorKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Percent = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RequestedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PdfSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PdfBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    XlsxSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    XlsxBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mon_report_job", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mon_alert_CountyCode_Status",
                table: "mon_alert",
                columns: new[] { "CountyCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_mon_alert_RuleId_SubjectKey_ClearedAt",
                table: "mon_alert",
                columns: new[] { "RuleId", "SubjectKey", "ClearedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_mon_alert_event_AlertId_At",
                table: "mon_alert_event",
                columns: new[] { "AlertId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_mon_indicator_year_Node_IndicatorKey",
                table: "mon_indicator_year",
                columns: new[] { "Node", "IndicatorKey" });

            migrationBuilder.CreateIndex(
                name: "IX_mon_report_job_RequestedAt",
                table: "mon_report_job",
                column: "RequestedAt");

            migrationBuilder.CreateIndex(
                name: "IX_mon_report_job_Status_RequestedAt",
                table: "mon_report_job",
                columns: new[] { "Status", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mon_alert");

            migrationBuilder.DropTable(
                name: "mon_alert_event");

            migrationBuilder.DropTable(
                name: "mon_indicator_year");

            migrationBuilder.DropTable(
                name: "mon_report_job");
        }
    }
}

; Inno Setup script: installs the PyInstaller folder (dist\desktop_crm) for the current
; user or all users. Program files are read-only; the database, backups and preferences
; live in the per-user data folders (%LOCALAPPDATA%\desktop_crm), which uninstalling keeps.
; Build: iscc installer\desktop_crm.iss   (after pyinstaller, see installer\README.md)

#define AppName "desktop_crm 客户服务系统"
#define AppVersion "0.1.0"

[Setup]
AppId={{6F1B7E0C-3A7D-4C55-9B1E-0D2C5A9E7F41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=desktop_crm
DefaultDirName={autopf}\desktop_crm
DefaultGroupName=desktop_crm
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\dist
OutputBaseFilename=desktop_crm-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\desktop_crm\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\desktop_crm 客户服务系统"; Filename: "{app}\desktop-crm.exe"
Name: "{autodesktop}\desktop_crm 客户服务系统"; Filename: "{app}\desktop-crm.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\desktop-crm.exe"; Description: "{cm:LaunchProgram,desktop_crm}"; Flags: nowait postinstall skipifsilent

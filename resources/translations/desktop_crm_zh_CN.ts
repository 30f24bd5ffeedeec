<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>First run: set up desktop_crm</source>
        <translation>首次运行：设置 desktop_crm</translation>
    </message>
    <message>
        <source>This database has no users yet. Create your company, its first area and station, and the administrator&apos;s account.</source>
        <translation>该数据库还没有用户。请创建公司、第一个片区和站点，以及管理员账号。</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织机构</translation>
    </message>
    <message>
        <source>Company code</source>
        <translation>公司代码</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>Area code</source>
        <translation>片区代码</translation>
    </message>
    <message>
        <source>Area name</source>
        <translation>片区名称</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation>站点代码</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>站点名称</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Fill in every field.</source>
        <translation>请填写所有字段。</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>The new language applies the next time desktop_crm starts.</source>
        <translation>新的语言将在下次启动 desktop_crm 时生效。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to desktop_crm</source>
        <translation>登录 desktop_crm</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Customer service desktop</source>
        <translation>客户服务系统</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>desktop_crm customer service</source>
        <translation>desktop_crm 客户服务系统</translation>
    </message>
    <message>
        <source>Customer file</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Callback queue</source>
        <translation>回访队列</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉处理</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New customer</source>
        <translation>新建客户(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Basic settings…</source>
        <translation>基础设置(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>About desktop_crm</source>
        <translation>关于 desktop_crm</translation>
    </message>
    <message>
        <source>desktop_crm {version}: the customer-service desktop for branch offices.</source>
        <translation>desktop_crm {version}：面向基层网点的客户服务桌面系统。</translation>
    </message>
    <message>
        <source>User: {name} ({role})</source>
        <translation>用户：{name}（{role}）</translation>
    </message>
    <message>
        <source>Unit: {name} [{code}]</source>
        <translation>单位：{name} [{code}]</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>Only the general page can be changed by you.</source>
        <translation>您只能修改“常规”页。</translation>
    </message>
</context>
<context>
    <name>OrgPage</name>
    <message>
        <source>Org tree</source>
        <translation>组织机构</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add unit below</source>
        <translation>新增下级单位</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Deactivate / activate</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>OrgUnitDialog</name>
    <message>
        <source>Edit unit</source>
        <translation>编辑单位</translation>
    </message>
    <message>
        <source>New unit</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>上级单位</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reset password of {login}</source>
        <translation>重置 {login} 的密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Basic settings</source>
        <translation>基础设置</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Badge no.</source>
        <translation>工牌号</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Badge no.</source>
        <translation>工牌号</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Deactivate / activate</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>background</name>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>The operation failed and nothing was changed.</source>
        <translation>操作失败，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cannot read {path}: {reason}. Check the file&apos;s permissions.</source>
        <translation>无法读取 {path}：{reason}。请检查文件权限。</translation>
    </message>
    <message>
        <source>{path} is not a desktop_crm database (it is not a SQLite file). Choose another file, or restore a backup.</source>
        <translation>{path} 不是 desktop_crm 数据库（不是 SQLite 文件）。请选择其他文件，或从备份恢复。</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be read ({reason}). Restore it from a backup.</source>
        <translation>{path} 已损坏，无法读取（{reason}）。请从备份恢复。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} 是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>{path} is a SQLite database of another program, not of desktop_crm. Choose another file.</source>
        <translation>{path} 是其他程序的 SQLite 数据库，不是 desktop_crm 的数据库。请选择其他文件。</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of desktop_crm (schema {revision}). Install the newer version to open it; this version has not changed the file.</source>
        <translation>{path} 由更新版本的 desktop_crm 写入（结构版本 {revision}）。请安装新版本后再打开；当前版本未修改该文件。</translation>
    </message>
    <message>
        <source>The password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>The account {login} is locked after {max} failed attempts. Try again in {minutes} min (at {until}).</source>
        <translation>账号 {login} 因连续 {max} 次登录失败已被锁定。请 {minutes} 分钟后（{until}）再试。</translation>
    </message>
    <message>
        <source>Wrong password for the {max}th time: the account {login} is locked for {minutes} minutes (until {until}).</source>
        <translation>密码已连续错误 {max} 次：账号 {login} 已被锁定 {minutes} 分钟（至 {until}）。</translation>
    </message>
    <message>
        <source>Wrong user name or password. {left} more failed attempts lock the account for {minutes} minutes.</source>
        <translation>用户名或密码错误。再失败 {left} 次，账号将被锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>The account {login} has been deactivated. Ask your administrator.</source>
        <translation>账号 {login} 已被停用，请联系管理员。</translation>
    </message>
    <message>
        <source>The code may hold only letters, digits, - and _ (at most 32).</source>
        <translation>代码只能包含字母、数字、- 和 _（最多 32 个字符）。</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
    <message>
        <source>The code {code} is already used by another unit.</source>
        <translation>代码 {code} 已被其他单位使用。</translation>
    </message>
    <message>
        <source>The company itself cannot be deactivated.</source>
        <translation>不能停用公司本身。</translation>
    </message>
    <message>
        <source>You cannot deactivate the unit you belong to.</source>
        <translation>不能停用您自己所属的单位。</translation>
    </message>
    <message>
        <source>A unit cannot be moved below itself.</source>
        <translation>单位不能移到自己的下级。</translation>
    </message>
    <message>
        <source>Only a company administrator can change the org tree and the users.</source>
        <translation>只有公司客户管理员可以修改组织机构和用户。</translation>
    </message>
    <message>
        <source>The user name takes 2 to 64 letters, digits or . _ @ - characters.</source>
        <translation>用户名须为 2 到 64 个字母、数字或 . _ @ - 字符。</translation>
    </message>
    <message>
        <source>The user name {login} is already taken.</source>
        <translation>用户名 {login} 已被占用。</translation>
    </message>
    <message>
        <source>Enter the person&apos;s name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>请选择角色。</translation>
    </message>
    <message>
        <source>You cannot take the administrator role from yourself.</source>
        <translation>不能取消您自己的管理员角色。</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself.</source>
        <translation>不能停用您自己。</translation>
    </message>
    <message>
        <source>{path} already holds data; give a new file name for the demo database.</source>
        <translation>{path} 中已有数据，请为演示数据库换一个新的文件名。</translation>
    </message>
    <message>
        <source>--customers must be 0 or more.</source>
        <translation>--customers 必须是 0 或更大的整数。</translation>
    </message>
</context>
<context>
    <name>orgs</name>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Station staff</source>
        <translation>加油员/客服</translation>
    </message>
    <message>
        <source>Station master</source>
        <translation>站长</translation>
    </message>
    <message>
        <source>Area manager</source>
        <translation>片区经理</translation>
    </message>
    <message>
        <source>Company administrator</source>
        <translation>公司客户管理员</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
</context>
</TS>

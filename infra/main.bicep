// Weerbaar Bestuur bot: Azure Bot (Teams channel), Linux web app on Node 20, storage for cases and
// evidence, Key Vault for the two secrets, and optional Application Insights.
// Deploy: az deployment group create -g <rg> -f infra/main.bicep -p microsoftAppId=<guid> microsoftAppPassword=<secret>

targetScope = 'resourceGroup'

@description('Azure region for everything except the bot registration (which is global). Keep it in the EU.')
param location string = resourceGroup().location

@description('Short prefix for resource names: lower-case letters, digits and hyphens.')
@minLength(3)
@maxLength(12)
param baseName string = 'weerbaar'

@description('Application (client) id of the single-tenant Entra app registration the bot signs in with.')
param microsoftAppId string

@description('Client secret of that app registration; stored in Key Vault, never in app settings.')
@secure()
param microsoftAppPassword string

@description('Entra tenant id of the app registration (the province\'s tenant).')
param microsoftAppTenantId string = tenant().tenantId

@description('Base URL of Microsoft Graph, used for calendar invitations.')
param graphBaseUrl string = 'https://graph.microsoft.com/v1.0'

@description('App Service plan SKU. B1 or higher: the reminder sweeper needs Always On, which the free tier lacks.')
@allowed([
  'B1'
  'B2'
  'S1'
  'P0v3'
  'P1v3'
])
param appServiceSku string = 'B1'

@description('Azure Bot pricing tier. F0 is free but has a message quota on premium channels; Teams is a standard channel.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Storage redundancy. Zone-redundant keeps reports available when one datacentre fails.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSku string = 'Standard_ZRS'

@description('Blob container for evidence (letters, e-mails, screenshots) that office holders upload.')
param evidenceContainerName string = 'evidence'

@description('Start command for the web app (the compiled composition root).')
param startupCommand string = 'node dist/src/main.js'

@description('Path, relative to the app\'s root, of the directory JSON: organisations, handler desks and channels, coordinator VPT. Required outside local mode.')
param directoryPath string = 'config/directory.json'

@description('Prefix for every table name (letters and digits), so several environments can share one storage account.')
param tablePrefix string = 'wb'

@description('Create Application Insights (with a Log Analytics workspace) for logs and failures.')
param enableApplicationInsights bool = true

@description('Tags put on every resource.')
param tags object = {
  application: 'weerbaar-bestuur-bot'
}

var suffix = take(uniqueString(resourceGroup().id, baseName), 8)
var compactBase = take(replace(toLower(baseName), '-', ''), 12)
var storageAccountName = 'st${compactBase}${suffix}'
var keyVaultName = 'kv-${take(baseName, 12)}-${suffix}'
// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    // The app connects with a connection string (Table and Blob), so shared keys stay enabled.
    allowSharedKeyAccess: true
    accessTier: 'Hot'
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        blob: {
          enabled: true
        }
        table: {
          enabled: true
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 30
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 30
    }
  }
}

resource evidenceContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: evidenceContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource storageConnectionSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'storage-connection-string'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'microsoft-app-password'
  properties: {
    value: microsoftAppPassword
  }
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = if (enableApplicationInsights) {
  name: 'log-${baseName}-${suffix}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = if (enableApplicationInsights) {
  name: 'appi-${baseName}-${suffix}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logAnalytics.id
    DisableIpMasking: false
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-${baseName}-${suffix}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSku
  }
  properties: {
    reserved: true
  }
}

var baseAppSettings = [
  {
    name: 'MicrosoftAppId'
    value: microsoftAppId
  }
  {
    name: 'MicrosoftAppType'
    value: 'SingleTenant'
  }
  {
    name: 'MicrosoftAppTenantId'
    value: microsoftAppTenantId
  }
  {
    name: 'MicrosoftAppPassword'
    value: '@Microsoft.KeyVault(SecretUri=${appPasswordSecret.properties.secretUri})'
  }
  {
    name: 'STORAGE_CONNECTION_STRING'
    value: '@Microsoft.KeyVault(SecretUri=${storageConnectionSecret.properties.secretUri})'
  }
  {
    name: 'GRAPH_BASE_URL'
    value: graphBaseUrl
  }
  {
    name: 'DIRECTORY_PATH'
    value: directoryPath
  }
  {
    name: 'TABLE_PREFIX'
    value: tablePrefix
  }
  {
    name: 'NODE_ENV'
    value: 'production'
  }
]

var insightsAppSettings = enableApplicationInsights ? [
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: appInsights.properties.ConnectionString
  }
] : []

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-${baseName}-${suffix}'
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: startupCommand
      // Reminders are swept in-process; without Always On the app sleeps and deadlines pass silently.
      alwaysOn: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      healthCheckPath: '/healthz'
      appSettings: concat(baseAppSettings, insightsAppSettings)
    }
  }
}

resource webAppReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, webApp.id, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${baseName}-${suffix}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'Weerbaar Bestuur'
    description: 'Incidenten melden en afhandelen volgens de Handreiking Weerbaar Bestuur.'
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: microsoftAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: microsoftAppTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('Host name of the web app.')
output webAppHostName string = webApp.properties.defaultHostName

@description('Messaging endpoint registered on the Azure Bot.')
output botEndpoint string = bot.properties.endpoint

@description('Storage account holding the tables and the evidence container.')
output storageAccountName string = storage.name

@description('Key Vault holding the storage connection string and the bot\'s client secret.')
output keyVaultName string = keyVault.name

const option = (value: string, label: string) => ({ value, label })

export const aircraftRoleOptions = [
  option('fighter', 'Fighter'),
  option('interceptor', 'Interceptor'),
  option('bomber', 'Bomber'),
  option('attack', 'Attack / ground support'),
  option('airliner', 'Airliner'),
  option('transport', 'Transport'),
  option('trainer', 'Trainer'),
  option('reconnaissance', 'Reconnaissance'),
  option('helicopter', 'Helicopter'),
  option('experimental', 'Experimental'),
  option('utility', 'Utility'),
  option('flying_boat', 'Flying boat'),
]

export const aircraftStatusOptions = [
  option('project', 'Project'),
  option('prototype', 'Prototype'),
  option('in_production', 'In production'),
  option('in_service', 'In service'),
  option('retired', 'Retired'),
  option('cancelled', 'Cancelled'),
]

export const personalityRoleOptions = [
  option('pilot', 'Pilot'),
  option('test_pilot', 'Test pilot'),
  option('engineer', 'Engineer'),
  option('designer', 'Designer'),
  option('commander', 'Commander'),
  option('cosmonaut', 'Cosmonaut / astronaut'),
  option('executive', 'Executive'),
]

export const socialPlatformOptions = [
  option('telegram', 'Telegram'),
  option('vk', 'VK'),
  option('youtube', 'YouTube'),
  option('x', 'X'),
  option('github', 'GitHub'),
  option('other', 'Other'),
]
